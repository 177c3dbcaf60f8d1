using Elim.Graph;
using Elim.Search;

namespace Elim.Cli.Tune;

/// <summary>An order <c>elim tune</c> may measure: where it came from and its Markowitz cost.</summary>
/// <param name="Order">The order.</param>
/// <param name="Source">Where it came from: <c>markowitz</c>, <c>reverse</c>, <c>forward</c>, <c>stored anneal</c>, <c>vlr</c>, <c>anneal seed 2</c>….</param>
/// <param name="Cost">Markowitz multiplications.</param>
/// <param name="StoredMethod">The method to store it under (its source without <c>stored </c>).</param>
public sealed record TuneCandidate(EliminationOrder Order, string Source, long Cost, string StoredMethod);

/// <summary>
/// The orders <c>elim tune</c> chooses from: minimal Markowitz, reverse, forward, the order store's, and the distinct
/// orders of a short search (a few greedy heuristics, then simulated annealing from a few seeds).
/// </summary>
public static class TuneCandidates
{
    // Greedy heuristics besides the standard orders that often give other cheap orders (and other code).
    private static readonly string[] Heuristics = ["markowitz-rev", "vlr", "vlr-rev", "fill-in", "reduction"];
    private const int AnnealSeeds = 3;

    /// <summary>
    /// Every distinct order found within <paramref name="searchTime"/>, in the order of preference: the cheapest first,
    /// then the stored order (so that it is timed again beside the others), minimal Markowitz, reverse and forward
    /// (diversity), then the search's orders by cost.
    /// </summary>
    public static IReadOnlyList<TuneCandidate> Gather(ComputationalGraph graph, OrderStore store, TimeSpan searchTime, int seed,
        IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var pool = new List<TuneCandidate>();
        void Add(EliminationOrder order, string source, long? cost = null, string? method = null) =>
            pool.Add(new TuneCandidate(order, source, cost ?? MarkowitzCost.Of(graph, order), method ?? source));
        if (store.TryGetBest(graph) is { } stored) Add(stored.Order, "stored " + (stored.Method ?? "order"), stored.Cost, stored.Method ?? "stored");
        Add(StandardOrders.MinimalMarkowitz(graph), "markowitz");
        Add(StandardOrders.Reverse(graph), "reverse");
        Add(StandardOrders.Forward(graph), "forward");
        int fixedCount = pool.Count;

        long end = Environment.TickCount64 + (long)searchTime.TotalMilliseconds;
        TimeSpan Left() => TimeSpan.FromMilliseconds(Math.Max(1, end - Environment.TickCount64));
        foreach (string name in Heuristics)
        {
            if (token.IsCancellationRequested) break;
            var result = SearchMethods.Create(name).Search(graph, new SearchBudget(Left() / 10), seed, progress, token);
            Add(result.Order, name, result.Cost);
        }
        for (int k = 0; k < AnnealSeeds && !token.IsCancellationRequested && end - Environment.TickCount64 > 1; k++)
        {
            var result = SearchMethods.Create("anneal").Search(graph, new SearchBudget(Left() / (AnnealSeeds - k)), seed + k, progress, token);
            Add(result.Order, $"anneal seed {seed + k}", result.Cost, "anneal");
        }

        var distinct = pool.DistinctBy(c => string.Join(',', c.Order.VertexIds)).ToList();
        var cheapest = distinct.MinBy(c => c.Cost)!;
        var fixedOnes = distinct.Where(c => pool.IndexOf(c) < fixedCount && c != cheapest);
        var searched = distinct.Where(c => pool.IndexOf(c) >= fixedCount && c != cheapest).OrderBy(c => c.Cost);
        return [cheapest, .. fixedOnes, .. searched];
    }
}
