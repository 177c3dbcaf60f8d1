using System.Runtime.InteropServices;

namespace Elim.Graph;

/// <summary>
/// Cross-country vertex elimination on a mutable copy of a graph's edges, optionally carrying edge
/// values. Eliminating k: for every predecessor i and successor j, c[j,i] += c[j,k]·c[k,i]; then the
/// edges of k are removed (an output keeps its in-edges). The reference implementation: clear, and sparse (a
/// step touches only the edges around k), so it also prices and orders big graphs.
/// </summary>
public sealed class Eliminator
{
    private readonly ComputationalGraph _graph;
    private readonly Dictionary<int, double>[] _in;    // per node: predecessor → ∂node/∂predecessor
    private readonly HashSet<int>[] _out;               // per node: successors (any order: each c[j,i] gets one term per step)
    private readonly bool[] _eliminated;

    /// <summary>Starts from <paramref name="graph"/>; with <paramref name="partials"/> (per edge) values are carried too.</summary>
    public Eliminator(ComputationalGraph graph, double[]? partials = null)
    {
        _graph = graph;
        _in = new Dictionary<int, double>[graph.NodeCount];
        _out = new HashSet<int>[graph.NodeCount];
        for (int node = 0; node < graph.NodeCount; node++) { _in[node] = []; _out[node] = []; }
        for (int e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            _in[edge.Target][edge.Source] = partials?[e] ?? 0;
            _out[edge.Source].Add(edge.Target);
        }
        _eliminated = new bool[graph.VertexCount];
    }

    /// <summary>Total multiplications of the eliminations so far.</summary>
    public long Cost { get; private set; }

    /// <summary>Whether vertex <paramref name="vertexId"/> has been eliminated.</summary>
    public bool IsEliminated(int vertexId) => _eliminated[vertexId - 1];

    /// <summary>The Markowitz degree |P(k)|·|S(k)| of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public long MarkowitzDegree(int vertexId)
    {
        int node = _graph.NodeOf(vertexId);
        return (long)_in[node].Count * _out[node].Count;
    }

    /// <summary>The vertex ids of the current predecessors and successors of <paramref name="vertexId"/> (inputs left out).</summary>
    public IEnumerable<int> NeighbourVertices(int vertexId)
    {
        int node = _graph.NodeOf(vertexId);
        return _in[node].Keys.Concat(_out[node]).Where(n => n >= _graph.InputCount).Select(_graph.VertexIdOf);
    }

    /// <summary>Eliminates <paramref name="vertexId"/>; returns the multiplications it cost.</summary>
    public long Eliminate(int vertexId)
    {
        if (!_graph.IsEliminable(vertexId) || _eliminated[vertexId - 1])
            throw new InvalidOperationException($"Vertex {vertexId} cannot be eliminated (an output without successors, or already eliminated).");
        int k = _graph.NodeOf(vertexId);
        long step = MarkowitzDegree(vertexId);
        foreach (int j in _out[k])
        {
            var into = _in[j];
            double cjk = into[k];
            into.Remove(k);
            foreach (var (i, cki) in _in[k])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(into, i, out _) += cjk * cki;
                _out[i].Add(j);
            }
        }
        _out[k].Clear();
        if (!_graph.IsOutput(vertexId))
        {
            foreach (int i in _in[k].Keys) _out[i].Remove(k);
            _in[k].Clear();
        }
        _eliminated[vertexId - 1] = true;
        Cost += step;
        return step;
    }

    /// <summary>The Jacobian once every eliminable vertex is gone (row per output, column per input).</summary>
    public double[,] Jacobian()
    {
        var jacobian = new double[_graph.OutputCount, _graph.InputCount];
        for (int o = 0; o < _graph.OutputCount; o++)
        {
            foreach (var (source, value) in _in[_graph.NodeOf(_graph.Outputs[o].VertexId)])
            {
                if (source >= _graph.InputCount)
                    throw new InvalidOperationException("The Jacobian is read before every eliminable vertex was eliminated.");
                jacobian[o, source] = value;
            }
        }
        return jacobian;
    }
}
