using Elim.Backend.Program;
using Elim.Graph;

namespace Elim.Backend.Lowering;

/// <summary>
/// The edges of the graph during elimination, each carrying its value as a <see cref="Term"/>. Its
/// containers and their update sequence visit predecessors and successors as <see cref="Eliminator"/> does
/// (predecessors in a dictionary updated alike, successors ascending), so sums accumulate in the same order as
/// the reference. Successors are sorted lists rather than its sorted sets: sparse graphs have few per vertex,
/// and a list is a fraction of the memory and time of a tree.
/// </summary>
internal sealed class EdgeValues
{
    private readonly ComputationalGraph _graph;
    private readonly Dictionary<int, Term>[] _in;
    private readonly List<int>[] _out;

    public EdgeValues(ComputationalGraph graph, Term[] partials)
    {
        _graph = graph;
        _in = new Dictionary<int, Term>[graph.NodeCount];
        _out = new List<int>[graph.NodeCount];
        for (int node = 0; node < graph.NodeCount; node++) { _in[node] = []; _out[node] = []; }
        for (int e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            _in[edge.Target][edge.Source] = partials[e];
            AddSuccessor(edge.Source, edge.Target);
        }
    }

    /// <summary>The edges into <paramref name="node"/>: predecessor → value.</summary>
    public IReadOnlyDictionary<int, Term> Into(int node) => _in[node];

    /// <summary>
    /// Emits the step c[j,i] += c[j,k]·c[k,i] for every predecessor i and successor j of k, then removes k; returns the
    /// step's Markowitz cost |P(k)|·|S(k)|.
    /// </summary>
    public long Eliminate(ProgramBuilder builder, int vertexId)
    {
        int k = _graph.NodeOf(vertexId);
        long cost = (long)_in[k].Count * _out[k].Count;
        foreach (int j in _out[k])
        {
            var into = _in[j];
            var cjk = into[k];
            into.Remove(k);
            foreach (var (i, cki) in _in[k])
            {
                var product = builder.EliminationProduct(cjk, cki);
                into[i] = into.TryGetValue(i, out var existing) ? builder.Add(existing, product) : builder.Add(Term.Zero, product);
                AddSuccessor(i, j);
            }
        }
        _out[k].Clear();
        if (!_graph.IsOutput(vertexId))
        {
            foreach (int i in _in[k].Keys) _out[i].Remove(k);
            _in[k].Clear();
        }
        return cost;
    }

    /// <summary>Adds <paramref name="successor"/> to the ascending successors of <paramref name="node"/>, if it is not there.</summary>
    private void AddSuccessor(int node, int successor)
    {
        int at = _out[node].BinarySearch(successor);
        if (at < 0) _out[node].Insert(~at, successor);
    }
}
