namespace Elim.Search.Mcts;

/// <summary>PUCT (AlphaZero): value plus an exploration bonus proportional to the prior.</summary>
internal static class ActionSelection
{
    /// <summary>Weight of the exploration bonus.</summary>
    public const double Exploration = 1.25;

    /// <summary>The child slot of <paramref name="node"/> with the highest PUCT score (lowest slot on ties).</summary>
    public static int Select(SearchTree tree, int node)
    {
        int first = node * tree.MaxChildren;
        double sqrtVisits = Math.Sqrt(Math.Max(1, tree.Visits[node]));
        double unvisitedValue = tree.Visits[node] > 0 ? tree.NormalizedValue(node) : 0.5;
        int best = first;
        double bestScore = double.NegativeInfinity;
        for (int slot = first; slot < first + tree.ChildCount[node]; slot++)
        {
            int child = tree.ChildNode[slot];
            int visits = child == SearchTree.Unvisited ? 0 : tree.Visits[child];
            double value = visits == 0 ? unvisitedValue : tree.NormalizedValue(child);
            double score = value + Exploration * tree.ChildPrior[slot] * sqrtVisits / (1 + visits);
            if (score > bestScore) { bestScore = score; best = slot; }
        }
        return best;
    }

    /// <summary>The child slot to commit to: most visits, then best mean return.</summary>
    public static int MostVisited(SearchTree tree, int node)
    {
        int first = node * tree.MaxChildren;
        int best = first;
        for (int slot = first + 1; slot < first + tree.ChildCount[node]; slot++)
        {
            if (Compare(tree, slot, best) > 0) best = slot;
        }
        return best;
    }

    private static int Compare(SearchTree tree, int slot, int other)
    {
        int a = tree.ChildNode[slot], b = tree.ChildNode[other];
        int visitsA = a == SearchTree.Unvisited ? 0 : tree.Visits[a];
        int visitsB = b == SearchTree.Unvisited ? 0 : tree.Visits[b];
        if (visitsA != visitsB) return visitsA.CompareTo(visitsB);
        if (visitsA == 0) return 0;
        return (tree.ReturnSum[a] / visitsA).CompareTo(tree.ReturnSum[b] / visitsB);
    }
}
