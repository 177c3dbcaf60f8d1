using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// Eliminates a vertex and tells which vertices may have changed score: those within <c>reach</c> steps of it
/// (its neighbours before the step; with reach 2 also their neighbours after it). Eliminating k changes only
/// the counts of its neighbours and the edges among them, and an edge between two other vertices is never
/// removed, so a score that reads a vertex's own counts has reach 1, and one that also reads its neighbours'
/// counts or the edges among its neighbours has reach 2.
/// </summary>
internal sealed class Neighbourhood
{
    private readonly EliminationGame _game;
    private readonly int _reach;
    private readonly int[] _stamp;          // per vertex id: the step that last collected it
    private readonly List<int> _vertices = [];
    private readonly List<int> _around = [];
    private int _step;

    public Neighbourhood(EliminationGame game, int reach)
    {
        if (reach is < 1 or > 2) throw new ArgumentOutOfRangeException(nameof(reach), reach, "Scores reach one or two steps.");
        _game = game;
        _reach = reach;
        _stamp = new int[game.Graph.VertexCount + 1];
    }

    /// <summary>Eliminates <paramref name="vertexId"/> and returns the vertex ids around it (it is reused by the next call).</summary>
    public List<int> Eliminate(int vertexId)
    {
        _step++;
        _vertices.Clear();
        _stamp[vertexId] = _step;
        Collect(vertexId, _vertices);
        _game.Eliminate(vertexId);
        if (_reach == 2)
        {
            _around.Clear();
            _around.AddRange(_vertices);
            foreach (int id in _around) Collect(id, _vertices);
        }
        return _vertices;
    }

    private void Collect(int vertexId, List<int> into)
    {
        var collector = new Collector(_game, _stamp, _step, into);
        _game.ForEachNeighbour(vertexId, ref collector);
    }

    private readonly struct Collector(EliminationGame game, int[] stamp, int step, List<int> into) : INodeVisitor
    {
        public void Visit(int node)
        {
            int id = game.VertexIdOf(node);
            if (id == 0 || stamp[id] == step) return;
            stamp[id] = step;
            into.Add(id);
        }
    }
}
