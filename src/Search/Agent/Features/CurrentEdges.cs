using System.Runtime.InteropServices;
using Elim.Search.Game;

namespace Elim.Search.Agent.Features;

/// <summary>
/// The edges of a game's current graph, read through the game's public neighbour walk. Node indices are a
/// topological order and elimination only bridges i→k→j into i→j, so a neighbour with a lower index than
/// the vertex is a predecessor and one with a higher index a successor.
/// </summary>
internal static class CurrentEdges
{
    /// <summary>Every current edge as (source node, target node), grouped by target in node order, sources ascending within a target.</summary>
    public static (int[] Sources, int[] Targets) Of(EliminationGame game)
    {
        var collector = new PredecessorCollector { Sources = new List<int>(), Targets = new List<int>() };
        var graph = game.Graph;
        for (int id = 1; id <= graph.VertexCount; id++)
        {
            collector.Node = graph.NodeOf(id);
            int first = collector.Sources.Count;
            game.ForEachNeighbour(id, ref collector);
            CollectionsMarshal.AsSpan(collector.Sources)[first..].Sort();   // the game lists neighbours in no fixed order
        }
        return ([.. collector.Sources], [.. collector.Targets]);
    }

    private struct PredecessorCollector : INodeVisitor
    {
        public int Node;
        public List<int> Sources;
        public List<int> Targets;

        public readonly void Visit(int node)
        {
            if (node >= Node) return;
            Sources.Add(node);
            Targets.Add(Node);
        }
    }
}
