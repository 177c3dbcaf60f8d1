namespace Elim.Search.Heuristics;

/// <summary>The named heuristics, in the order the portfolio tries them (earlier wins ties).</summary>
internal static class StandardHeuristics
{
    /// <summary>
    /// Minimal Markowitz: the heuristic the portfolio always plays to the end, however short the time, so that a
    /// search always has an order. Its fill-in work is about its cost, which it keeps low step by step, where
    /// forward or reverse can fill in for minutes on a graph that fills in densely.
    /// </summary>
    public static IHeuristic Guaranteed { get; } = new GreedyHeuristic("markowitz", false, () => new MarkowitzScore());

    /// <summary>Forward mode: ascending ids.</summary>
    public static IHeuristic Forward { get; } = new FixedOrder("forward", descending: false);

    /// <summary>Reverse mode: descending ids.</summary>
    public static IHeuristic Reverse { get; } = new FixedOrder("reverse", descending: true);

    public static IReadOnlyList<IHeuristic> All { get; } =
    [
        Forward,
        Reverse,
        Guaranteed,
        new GreedyHeuristic("markowitz-rev", true, () => new MarkowitzScore()),
        new GreedyHeuristic("vlr", false, () => new RelativeMarkowitzScore(), () => new MarkowitzScore()),
        new GreedyHeuristic("vlr-rev", true, () => new RelativeMarkowitzScore(), () => new MarkowitzScore()),
        new GreedyHeuristic("fill-in", false, () => new FillInScore(), () => new MarkowitzScore()),
        new GreedyHeuristic("fill-in-rev", true, () => new FillInScore(), () => new MarkowitzScore()),
        new GreedyHeuristic("markowitz-damage", false, () => new MarkowitzScore(), () => new DamageScore()),
        new GreedyHeuristic("markowitz-damage-rev", true, () => new MarkowitzScore(), () => new DamageScore()),
        new GreedyHeuristic("reduction", false, () => new ReductionScore(), () => new MarkowitzScore()),
        new GreedyHeuristic("reduction-rev", true, () => new ReductionScore(), () => new MarkowitzScore()),
    ];
}
