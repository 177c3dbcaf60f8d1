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
/// (its predecessors and successors are the only ones whose degrees change). Found by eliminating and undoing.
/// </summary>
internal sealed class DamageScore : IVertexScore
{
    public int Reach => 2;

    private readonly NeighbourDegrees _degrees = new();

    public void Prepare(EliminationGame game) => _degrees.Prepare(game);

    public long Score(EliminationGame game, int vertexId) => _degrees.ChangeOnEliminating(game, vertexId);
}

/// <summary>
/// Overall Markowitz reduction, negated so lower is better: the change in the sum of all remaining
/// vertices' degrees when the vertex goes (its own degree leaves the sum, its neighbours' degrees change).
/// </summary>
internal sealed class ReductionScore : IVertexScore
{
    public int Reach => 2;

    private readonly NeighbourDegrees _degrees = new();

    public void Prepare(EliminationGame game) => _degrees.Prepare(game);

    public long Score(EliminationGame game, int vertexId) =>
        _degrees.ChangeOnEliminating(game, vertexId) - game.MarkowitzDegree(vertexId);
}

/// <summary>Measures how the degrees of a vertex's neighbours change when it is eliminated, with a reused buffer.</summary>
internal sealed class NeighbourDegrees
{
    private int[] _nodes = [];

    public void Prepare(EliminationGame game) => _nodes = new int[game.Graph.NodeCount];

    public long ChangeOnEliminating(EliminationGame game, int vertexId)
    {
        var collector = new NodeCollector(_nodes);
        game.ForEachNeighbour(vertexId, ref collector);
        long before = RemainingDegrees(game, collector.Count);
        game.Eliminate(vertexId);
        long after = RemainingDegrees(game, collector.Count);
        game.Undo();
        return after - before;
    }

    private long RemainingDegrees(EliminationGame game, int count)
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            int id = game.VertexIdOf(_nodes[i]);
            if (id > 0 && game.IsEliminable(id) && !game.IsEliminated(id)) total += game.MarkowitzDegree(id);
        }
        return total;
    }

    private struct NodeCollector(int[] buffer) : INodeVisitor
    {
        public int Count;

        public void Visit(int node) => buffer[Count++] = node;
    }
}
