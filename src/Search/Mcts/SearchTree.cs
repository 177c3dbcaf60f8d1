namespace Elim.Search.Mcts;

/// <summary>
/// The search tree as preallocated arrays indexed by node (mctx style). Node i's children sit in slots
/// [i·MaxChildren, i·MaxChildren + ChildCount[i]) of the child arrays. Returns are negative total costs.
/// </summary>
internal sealed class SearchTree
{
    /// <summary>The root's index after <see cref="Clear"/>.</summary>
    public const int RootIndex = 0;

    /// <summary>The parent of the root.</summary>
    public const int NoParent = -1;

    /// <summary>A child slot whose node has not been created yet.</summary>
    public const int Unvisited = -1;

    public SearchTree(int capacity, int maxChildren)
    {
        Capacity = capacity;
        MaxChildren = maxChildren;
        Parent = new int[capacity];
        Visits = new int[capacity];
        ReturnSum = new double[capacity];
        ChildCount = new int[capacity];
        Expanded = new bool[capacity];
        ChildAction = new int[capacity * maxChildren];
        ChildPrior = new float[capacity * maxChildren];
        ChildNode = new int[capacity * maxChildren];
    }

    public int Capacity { get; }                // nodes

    public int MaxChildren { get; }             // children kept per node (the best by prior)

    public int NodeCount { get; private set; }

    public int Root { get; set; }

    public int[] Parent { get; }                // [Capacity]

    public int[] Visits { get; }                // [Capacity]

    public double[] ReturnSum { get; }          // [Capacity]: sum of returns backed up through the node

    public int[] ChildCount { get; }            // [Capacity]

    public bool[] Expanded { get; }             // [Capacity]: children written

    public int[] ChildAction { get; }           // [Capacity·MaxChildren]: vertex id eliminated by the move

    public float[] ChildPrior { get; }          // [Capacity·MaxChildren]: softmax of the prior's logits

    public int[] ChildNode { get; }             // [Capacity·MaxChildren]: node index, or Unvisited

    /// <summary>Lowest and highest return seen, for normalizing values into [0, 1].</summary>
    public double MinReturn { get; set; }

    public double MaxReturn { get; set; }

    public bool IsFull => NodeCount == Capacity;

    /// <summary>Empties the tree down to a fresh root.</summary>
    public void Clear()
    {
        NodeCount = 0;
        Root = NewNode(NoParent);
        MinReturn = double.PositiveInfinity;
        MaxReturn = double.NegativeInfinity;
    }

    /// <summary>Allocates a node under <paramref name="parent"/>.</summary>
    public int NewNode(int parent)
    {
        int node = NodeCount++;
        Parent[node] = parent;
        Visits[node] = 0;
        ReturnSum[node] = 0;
        ChildCount[node] = 0;
        Expanded[node] = false;
        return node;
    }

    /// <summary>The mean return of <paramref name="node"/> scaled to [0, 1] by the extremes seen.</summary>
    public double NormalizedValue(int node)
    {
        double mean = ReturnSum[node] / Visits[node];
        return MaxReturn > MinReturn ? (mean - MinReturn) / (MaxReturn - MinReturn) : 0.5;
    }
}
