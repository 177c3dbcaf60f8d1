using System.Runtime.InteropServices;

namespace Elim.Graph;

/// <summary>How edge values combine when a vertex is eliminated: c[j,i] += c[j,k]·c[k,i].</summary>
/// <typeparam name="T">An edge's value: a number for the reference interpreter, a term of a program for the compiler.</typeparam>
public interface IEdgeAlgebra<T>
{
    /// <summary>c[j,k]·c[k,i]: the value of the path i → k → j.</summary>
    T Product(T successorEdge, T predecessorEdge);

    /// <summary>The value of an edge that was already there plus a new path's product.</summary>
    T Sum(T existing, T product);
}

/// <summary>
/// Cross-country vertex elimination on a mutable copy of a graph's edges, each carrying a value of an
/// <see cref="IEdgeAlgebra{T}"/>. Eliminating k: for every predecessor i and successor j, c[j,i] += c[j,k]·c[k,i];
/// then the edges of k are removed (an output keeps its in-edges). The one implementation of the step: the
/// reference interpreter and the pricing of orders (<see cref="Eliminator"/>) and the compiler use it. Sparse: a
/// step touches only the edges around k. Successors are kept in lists (on sparse graphs a fraction of the memory and
/// time of sets), in the order their edges were made, so a step visits them in a fixed order; each c[j,i] gets one
/// term per step, so that order does not change the numbers.
/// </summary>
public class EdgeElimination<T>
{
    private readonly ComputationalGraph _graph;
    private readonly IEdgeAlgebra<T> _algebra;
    private readonly Dictionary<int, T>[] _in;    // per node: predecessor → ∂node/∂predecessor
    private readonly List<int>[] _out;             // per node: successors
    private readonly bool[] _eliminated;

    /// <summary>Starts from <paramref name="graph"/>, edge e carrying <paramref name="edgeValue"/>(e).</summary>
    public EdgeElimination(ComputationalGraph graph, IEdgeAlgebra<T> algebra, Func<int, T> edgeValue)
    {
        _graph = graph;
        _algebra = algebra;
        _in = new Dictionary<int, T>[graph.NodeCount];
        _out = new List<int>[graph.NodeCount];
        for (int node = 0; node < graph.NodeCount; node++) { _in[node] = []; _out[node] = []; }
        for (int e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            if (_in[edge.Target].TryAdd(edge.Source, edgeValue(e))) _out[edge.Source].Add(edge.Target);
        }
        _eliminated = new bool[graph.VertexCount];
    }

    /// <summary>The graph being eliminated.</summary>
    protected ComputationalGraph Graph => _graph;

    /// <summary>Total multiplications of the eliminations so far (the Markowitz cost).</summary>
    public long Cost { get; private set; }

    /// <summary>Whether vertex <paramref name="vertexId"/> has been eliminated.</summary>
    public bool IsEliminated(int vertexId) => _eliminated[vertexId - 1];

    /// <summary>The Markowitz degree |P(k)|·|S(k)| of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public long MarkowitzDegree(int vertexId)
    {
        int node = _graph.NodeOf(vertexId);
        return (long)_in[node].Count * _out[node].Count;
    }

    /// <summary>
    /// Adds the vertex ids of the current predecessors and successors of <paramref name="vertexId"/> (inputs left out)
    /// to <paramref name="neighbours"/>: a caller that asks at every step reuses one list.
    /// </summary>
    public void AddNeighbourVertices(int vertexId, List<int> neighbours)
    {
        int node = _graph.NodeOf(vertexId);
        foreach (int predecessor in _in[node].Keys)
        {
            if (predecessor >= _graph.InputCount) neighbours.Add(_graph.VertexIdOf(predecessor));
        }
        foreach (int successor in _out[node]) neighbours.Add(_graph.VertexIdOf(successor));     // never an input: inputs have no in-edges
    }

    /// <summary>The edges into <paramref name="node"/> now: predecessor node → value.</summary>
    public IReadOnlyDictionary<int, T> Into(int node) => _in[node];

    /// <summary>Eliminates <paramref name="vertexId"/>; returns the multiplications it cost, |P(k)|·|S(k)|.</summary>
    /// <exception cref="InvalidOperationException">The vertex is an output without successors, or already eliminated.</exception>
    public long Eliminate(int vertexId)
    {
        if (!_graph.IsEliminable(vertexId) || _eliminated[vertexId - 1])
            throw new InvalidOperationException($"Vertex {vertexId} cannot be eliminated (an output without successors, or already eliminated).");
        int k = _graph.NodeOf(vertexId);
        long step = MarkowitzDegree(vertexId);
        foreach (int j in _out[k])
        {
            var into = _in[j];
            var cjk = into[k];
            into.Remove(k);
            foreach (var (i, cki) in _in[k])
            {
                var product = _algebra.Product(cjk, cki);
                // One hash lookup whether the edge i → j is there or new (this loop is the elimination's work).
                ref var cji = ref CollectionsMarshal.GetValueRefOrAddDefault(into, i, out bool exists);
                if (exists) cji = _algebra.Sum(cji!, product);
                else
                {
                    cji = product;
                    _out[i].Add(j);     // a new edge i → j: the predecessor entry and the successor entry come and go together
                }
            }
        }
        _out[k].Clear();
        if (!_graph.IsOutput(vertexId))
        {
            foreach (int i in _in[k].Keys) RemoveSuccessor(i, k);
            _in[k].Clear();
        }
        _eliminated[vertexId - 1] = true;
        Cost += step;
        return step;
    }

    /// <summary>Removes <paramref name="successor"/> from the successors of <paramref name="node"/>, moving the last one into its place.</summary>
    private void RemoveSuccessor(int node, int successor)
    {
        var successors = _out[node];
        int at = successors.IndexOf(successor);
        successors[at] = successors[^1];
        successors.RemoveAt(successors.Count - 1);
    }
}
