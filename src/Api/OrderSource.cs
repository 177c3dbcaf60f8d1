using Elim.Backend;
using Elim.Graph;

namespace Elim;

/// <summary>
/// Where the elimination order of a compile comes from: a classical order, an order file, an explicit
/// order, or the best order stored for the graph's shape (the cheapest of minimal Markowitz, reverse and forward when none is stored).
/// </summary>
public sealed class OrderSource
{
    private readonly Func<ComputationalGraph, OrderStore, (EliminationOrder, string)> _resolve;

    private OrderSource(string description, Func<ComputationalGraph, OrderStore, (EliminationOrder, string)> resolve, bool isFile = false)
    {
        Description = description;
        _resolve = resolve;
        IsFile = isFile;
    }

    /// <summary>Forward mode: vertices in ascending order.</summary>
    public static OrderSource Forward { get; } = Named("forward", StandardOrders.Forward);

    /// <summary>Reverse mode: vertices in descending order.</summary>
    public static OrderSource Reverse { get; } = Named("reverse", StandardOrders.Reverse);

    /// <summary>Minimal Markowitz: cheapest vertex first.</summary>
    public static OrderSource MinimalMarkowitz { get; } = Named("markowitz", StandardOrders.MinimalMarkowitz);

    /// <summary>The best order the <see cref="OrderStore"/> holds for this shape, else the cheapest of minimal Markowitz, reverse and forward.</summary>
    public static OrderSource Best { get; } = new("best", BestOrder.Resolve);

    /// <summary>The order in the order file at <paramref name="path"/>, checked to fit the graph.</summary>
    public static OrderSource FromFile(string path) => new(path ?? throw new ArgumentNullException(nameof(path)), (g, _) =>
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "there is no such file",
                ArgumentException => "that is not a path",
                _ => e.Message,
            };
            throw new InvalidOrderException($"Cannot read the order file '{path}': {reason}. " +
                "An order is best, fwd, rev, markowitz (OrderSource.Parse) or the path of an order file.");
        }
        try
        {
            var file = OrderFile.Parse(text);
            file.CheckFits(g);
            return (file.Order, file.Method ?? "file");
        }
        catch (InvalidOrderException e)
        {
            throw new InvalidOrderException($"{path}: {e.Message}");
        }
    }, isFile: true);

    /// <summary>Exactly <paramref name="order"/>.</summary>
    public static OrderSource Explicit(EliminationOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new("explicit", (_, _) => (order, "explicit"));
    }

    /// <summary>
    /// Reads <c>fwd</c>/<c>forward</c>, <c>rev</c>/<c>reverse</c>, <c>markowitz</c>/<c>mm</c>/<c>min-markowitz</c>,
    /// <c>best</c>, or else an order file path (read when the order is resolved: a missing file is an
    /// <see cref="InvalidOrderException"/> then, naming these choices).
    /// </summary>
    public static OrderSource Parse(string text) => (text ?? throw new ArgumentNullException(nameof(text))).ToLowerInvariant() switch
    {
        "fwd" or "forward" => Named(text, StandardOrders.Forward),
        "rev" or "reverse" => Named(text, StandardOrders.Reverse),
        "markowitz" or "mm" or "min-markowitz" => Named(text, StandardOrders.MinimalMarkowitz),
        "best" => Best,
        _ => FromFile(text),
    };

    /// <summary>A classical order under the name it was asked for (so <c>rev</c> reports itself as <c>rev</c>).</summary>
    private static OrderSource Named(string text, Func<ComputationalGraph, EliminationOrder> order)
    {
        string name = text.ToLowerInvariant();
        return new(name, (g, _) => (order(g), name));
    }

    /// <summary>Whether this source reads an order file (<see cref="FromFile"/>, or <see cref="Parse"/> of anything else).</summary>
    public bool IsFile { get; }

    /// <summary>What this source is, for messages.</summary>
    public string Description { get; }

    /// <summary>The order for <paramref name="graph"/> and how it was chosen.</summary>
    /// <exception cref="InvalidOrderException">An order file is unreadable or made for another graph.</exception>
    public (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, OrderStore store) => _resolve(graph, store);

    /// <inheritdoc />
    public override string ToString() => Description;
}
