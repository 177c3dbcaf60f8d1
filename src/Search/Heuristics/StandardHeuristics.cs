namespace Elim.Search.Heuristics;

/// <summary>The named heuristics, in the order the portfolio tries them (earlier wins ties).</summary>
internal static class StandardHeuristics
{
    public static IReadOnlyList<IHeuristic> All { get; } =
    [
        new FixedOrder("forward", descending: false),
        new FixedOrder("reverse", descending: true),
        new GreedyHeuristic("markowitz", false, () => new MarkowitzScore()),
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
