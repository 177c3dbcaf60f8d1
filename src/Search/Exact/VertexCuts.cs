using Elim.Graph;

namespace Elim.Search.Exact;

/// <summary>
/// Smallest node cuts around one vertex k of the original graph: between the independents and k (the
/// fewest predecessors k can have when it is eliminated) and between k and the dependents (the fewest
/// successors). Vertices already eliminated can be asked to stay out of the cut: an eliminated vertex is
/// never a predecessor, and a successor only as the end point an eliminated output stays, so the cut that
/// k's neighbours form then avoids them.
/// </summary>
internal sealed class VertexCuts
{
    private readonly ComputationalGraph _graph;
    private readonly UnitFlowNetwork _into;
    private readonly UnitFlowNetwork _outOf;
    private readonly int _source;
    private readonly List<int> _uncut = [];

    public VertexCuts(ComputationalGraph graph)
    {
        _graph = graph;
        _into = Network(graph, reversed: false);
        _outOf = Network(graph, reversed: true);
        _source = 2 * graph.NodeCount;
    }

    /// <summary>The fewest predecessors vertex <paramref name="id"/> can have once <paramref name="gone"/> are eliminated.</summary>
    public int Into(int id, ReadOnlySpan<int> gone)
    {
        Uncut(gone);
        return Paths(_into, id);
    }

    /// <summary>The fewest successors vertex <paramref name="id"/> can have once <paramref name="gone"/> are eliminated.</summary>
    /// <remarks>
    /// A gone output is still an end point, so it can be a successor, but paths through it were bypassed:
    /// its split edge passes any number of paths, and only the source's unit edge into it (the paths that
    /// end there) can be cut.
    /// </remarks>
    public int OutOf(int id, ReadOnlySpan<int> gone)
    {
        Uncut(gone);
        return Paths(_outOf, id);
    }

    private void Uncut(ReadOnlySpan<int> gone)
    {
        _uncut.Clear();
        foreach (int g in gone) _uncut.Add(SplitEdge(g));
    }

    // Node v's split edge (in-half 2v → out-half 2v+1) is edge number v: Network adds them first.
    private int SplitEdge(int id) => _graph.NodeOf(id);

    // Paths end at k's in-half, so k is never part of a cut; when k is itself a dependent, the source's
    // edge straight into it is the trivial path from k to itself and is not counted.
    private int Paths(UnitFlowNetwork network, int id) =>
        network.MaxFlow(_source, 2 * _graph.NodeOf(id), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_uncut));

    // Node v splits into in-half 2v and out-half 2v+1 joined by a unit edge, the only place a cut can fall;
    // the graph's edges are unbounded, so a gone node passes any number of paths. The source feeds the
    // in-halves of the independents (or, reversed, of the dependents). Edges run forward, or backward when reversed.
    private static UnitFlowNetwork Network(ComputationalGraph graph, bool reversed)
    {
        var network = new UnitFlowNetwork(2 * graph.NodeCount + 1);
        for (int v = 0; v < graph.NodeCount; v++) network.AddEdge(2 * v, 2 * v + 1);
        foreach (var edge in graph.Edges)
        {
            if (reversed) network.AddEdge(2 * edge.Target + 1, 2 * edge.Source, UnitFlowNetwork.Unbounded);
            else network.AddEdge(2 * edge.Source + 1, 2 * edge.Target, UnitFlowNetwork.Unbounded);
        }
        int source = 2 * graph.NodeCount;
        if (reversed)
        {
            foreach (var output in graph.Outputs) network.AddEdge(source, 2 * graph.NodeOf(output.VertexId));
        }
        else
        {
            for (int i = 0; i < graph.InputCount; i++) network.AddEdge(source, 2 * i);
        }
        network.Build();
        return network;
    }
}
