using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary>
/// <c>elim store list | show FILE | clear</c>: the order store that <c>--order best</c> consults
/// (<c>$ELIM_ORDER_STORE</c>, else <c>~/.elim/orders</c>): what it holds, what it holds for one program's shape and
/// what <c>best</c> then compiles, and emptying it.
/// </summary>
public sealed class StoreCommand : ICommand
{
    public string Name => "store";
    public string Summary => "list, show or clear the order store that --order best consults";
    public string Usage => $"elim store list|show FILE|clear {GraphLoader.Usage} [--json]";
    public IReadOnlyList<CommandOption> Options { get; } = [.. GraphLoader.Options, CommandOption.Json];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var store = OrderStore.Default();
        var words = arguments.Positional;
        return (words.Count > 0 ? words[0] : null, words.Count) switch
        {
            ("list", 1) => List(store, arguments.Has("json"), output),
            ("show", 2) => Show(store, GraphLoader.Load(words[1], arguments), arguments.Has("json"), output),
            ("clear", 1) => Clear(store, arguments.Has("json"), output),
            _ => throw new UsageException("Say what to do with the order store: list, show FILE or clear."),
        };
    }

    private static int List(OrderStore store, bool json, TextWriter output)
    {
        var entries = store.Entries();
        if (json)
        {
            JsonOutput.Write(output, new
            {
                directory = store.Directory,
                entries = entries.Select(e => new { file = e.Path, function = e.File?.Function, graphHash = e.File?.GraphHash, cost = e.File?.Cost, method = e.File?.Method, measured = e.File?.Measured, readable = e.File is not null }),
            });
            return 0;
        }
        output.WriteLine($"order store {store.Directory}: {entries.Count} {(entries.Count == 1 ? "entry" : "entries")}");
        foreach (var (path, file) in entries)
        {
            output.WriteLine(file is null
                ? $"  {Path.GetFileName(path)}  (unreadable; ignored)"
                : $"  {Path.GetFileName(path)}  {file.Function ?? "?"}  cost {file.Cost?.ToString() ?? "?"}  {file.Method ?? ""}{(file.Measured is { } m ? $"  tuned: {m}" : "")}".TrimEnd());
        }
        return 0;
    }

    private static int Show(OrderStore store, ComputationalGraph graph, bool json, TextWriter output)
    {
        var stored = store.TryGetBest(graph);
        var (_, fallback, fallbackCost) = StandardOrders.Cheapest(graph);
        if (json)
        {
            JsonOutput.Write(output, new
            {
                function = graph.Name,
                graphHash = GraphHash.Structural(graph),
                file = store.PathFor(graph),
                stored = stored is null ? null : new { cost = stored.Cost, method = stored.Method, measured = stored.Measured, order = stored.Order.VertexIds },
                cheapestStandard = new { method = fallback, cost = fallbackCost },
            });
            return 0;
        }
        if (stored is null)
        {
            output.WriteLine($"{graph.Name}: nothing stored ({store.PathFor(graph)})");
            output.WriteLine($"  --order best compiles the cheapest standard order: {fallback}, {fallbackCost} multiplications");
        }
        else
        {
            output.WriteLine($"{graph.Name}: stored order costing {stored.Cost} multiplications ({stored.Method ?? "method not recorded"}), what --order best compiles");
            if (stored.Measured is { } measured) output.WriteLine($"  tuned: {measured}, {measured.Threads} thread(s), on {measured.Machine}");
            output.WriteLine($"  in {store.PathFor(graph)}; the cheapest standard order: {fallback}, {fallbackCost} multiplications");
        }
        return 0;
    }

    private static int Clear(OrderStore store, bool json, TextWriter output)
    {
        int removed;
        try { removed = store.Clear(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PathException($"Cannot clear the order store '{store.Directory}': {e.Message}");
        }
        if (json) JsonOutput.Write(output, new { directory = store.Directory, removed });
        else output.WriteLine($"order store {store.Directory}: removed {removed} {(removed == 1 ? "entry" : "entries")}");
        return 0;
    }
}
