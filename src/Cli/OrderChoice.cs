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
    /// The order named by <paramref name="choice"/> for <paramref name="graph"/> and where it came from, resolved by the
    /// compile API's <see cref="OrderSource"/> (<c>best</c>: the order store's, else the cheapest standard order; a file
    /// is read as an order file and checked to fit). Throws <see cref="UsageException"/> for a word that is neither an
    /// order's name nor an existing file, <see cref="InvalidOrderException"/> for an unreadable or unfitting order file.
    /// </summary>
    public static (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, string choice)
    {
        var source = OrderSource.Parse(choice);
        if (source.IsFile && !File.Exists(choice))
            throw new UsageException($"--order '{choice}' is neither {Names} nor an existing order file.");
        return source.Resolve(graph, OrderStore.Default());
    }
}
