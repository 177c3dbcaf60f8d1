using Elim.Backend;
using Elim.Graph;

namespace Elim.Cli;

/// <summary>Turns an <c>--order</c> value (best, fwd, rev, markowitz or an order file) into an order of a graph.</summary>
public static class OrderChoice
{
    /// <summary>The words accepted besides a file path.</summary>
    public const string Names = "best, fwd, rev, markowitz";

    /// <summary><c>--order</c> of a command that compiles, executes or costs an order, with its default.</summary>
    public static CommandOption Option(string defaultChoice) => new("order", Names.Replace(", ", "|") + "|PATH",
        "the elimination order: the order store's best for this shape (else the cheapest of minimal Markowitz, reverse " +
        "and forward), forward mode, reverse mode, minimal Markowitz, or an order file", defaultChoice);

    /// <summary>
    /// The order named by <paramref name="choice"/> for <paramref name="graph"/> (<c>best</c>: the order store's, else
    /// the cheapest standard order, see <see cref="BestOrder"/>), checked to fit it; a file is read as an order file.
    /// Throws <see cref="UsageException"/>, <see cref="PathException"/> or <see cref="InvalidOrderException"/>.
    /// </summary>
    public static (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, string choice)
    {
        if (choice.Equals("best", StringComparison.OrdinalIgnoreCase)) return BestOrder.Resolve(graph, OrderStore.Default());
        var named = StandardOrders.ByName(graph, choice);
        if (named is not null) return (named, choice.ToLowerInvariant());
        if (!File.Exists(choice))
            throw new UsageException($"--order '{choice}' is neither {Names} nor an existing order file.");
        string text;
        try { text = File.ReadAllText(choice); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PathException($"Cannot read order file '{choice}': {e.Message}");
        }
        OrderFile file;
        try { file = OrderFile.Parse(text); }
        catch (InvalidOrderException e) { throw new InvalidOrderException($"{choice}: {e.Message}"); }
        try { file.CheckFits(graph); }
        catch (InvalidOrderException e) { throw new InvalidOrderException($"{choice}: {e.Message}"); }
        return (file.Order, file.Method ?? "file");
    }
}
