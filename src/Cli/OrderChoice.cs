using Elim.Graph;

namespace Elim.Cli;

/// <summary>Turns an <c>--order</c> value (fwd, rev, markowitz or an order file) into an order of a graph.</summary>
public static class OrderChoice
{
    /// <summary>The words accepted besides a file path.</summary>
    public const string Names = "fwd, rev, markowitz";

    /// <summary><c>--order</c> of the commands that execute or cost an order.</summary>
    public static CommandOption Option { get; } = new("order", Names.Replace(", ", "|") + "|PATH",
        "the elimination order: forward mode, reverse mode, minimal Markowitz, or an order file", "markowitz");

    /// <summary>
    /// The order named by <paramref name="choice"/> for <paramref name="graph"/>, checked to fit it; a file
    /// is read as an order file. Throws <see cref="UsageException"/>, <see cref="PathException"/> or <see cref="InvalidOrderException"/>.
    /// </summary>
    public static (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, string choice)
    {
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
