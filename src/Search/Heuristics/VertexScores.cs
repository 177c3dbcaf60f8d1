using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>The Markowitz degree |P|·|S| now.</summary>
internal sealed class MarkowitzScore : IVertexScore
{
    public int Reach => 1;

    public void Prepare(EliminationGame game) { }

    public long Score(EliminationGame game, int vertexId) => game.MarkowitzDegree(vertexId);
}

/// <summary>The number of new edges eliminating the vertex would create.</summary>
internal sealed class FillInScore : IVertexScore
{
    public int Reach => 2;

    public void Prepare(EliminationGame game) { }

    public long Score(EliminationGame game, int vertexId) => game.FillIn(vertexId);
}

/// <summary>
/// Relative Markowitz (VLR, Naumann): the Markowitz degree minus (#independents reaching the vertex) ×
/// (#dependents it reaches). Reachability does not change under elimination, so it is counted once.
/// </summary>
internal sealed class RelativeMarkowitzScore : IVertexScore
{
    public int Reach => 1;

    private long[] _reach = [];

    public void Prepare(EliminationGame game) => _reach = Reachability.IndependentsTimesDependents(game.Graph);

    public long Score(EliminationGame game, int vertexId) => game.MarkowitzDegree(vertexId) - _reach[vertexId];
}

/// <summary>
/// Damage: how much eliminating the vertex raises the Markowitz degrees of the remaining vertices around it
/// (its predecessors and successors are the only ones whose degrees change).
/// </summary>
internal sealed class DamageScore : IVertexScore
{
    public int Reach => 2;

    public void Prepare(EliminationGame game) { }

    public long Score(EliminationGame game, int vertexId) => game.NeighbourDegreeChange(vertexId);
}

/// <summary>
/// Overall Markowitz reduction, negated so lower is better: the change in the sum of all remaining
/// vertices' degrees when the vertex goes (its own degree leaves the sum, its neighbours' degrees change).
/// </summary>
internal sealed class ReductionScore : IVertexScore
{
    public int Reach => 2;

    public void Prepare(EliminationGame game) { }

    public long Score(EliminationGame game, int vertexId) => game.NeighbourDegreeChange(vertexId) - game.MarkowitzDegree(vertexId);
}
