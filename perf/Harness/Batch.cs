using Elim.Graph;

namespace Elim.Perf;

/// <summary>
/// The points of one benchmark and the buffers every contender writes into, in the per-point layout:
/// x is N×n, outputs N×m, Jacobians N×m×n (row-major per point).
/// </summary>
public sealed class Batch
{
    /// <summary>N points scattered ±1% around <paramref name="center"/> (a point inside the function's domain).</summary>
    public Batch(ComputationalGraph graph, double[] center, int count, int seed)
    {
        Graph = graph;
        Count = count;
        Inputs = new double[(long)count * graph.InputCount];
        var random = new Random(seed);
        for (int p = 0; p < count; p++)
        {
            for (int i = 0; i < graph.InputCount; i++)
                Inputs[(long)p * graph.InputCount + i] = center[i] * (1 + 0.02 * (random.NextDouble() - 0.5));
        }
        Outputs = new double[(long)count * graph.OutputCount];
        Jacobians = new double[(long)count * graph.OutputCount * graph.InputCount];
    }

    /// <summary>The function.</summary>
    public ComputationalGraph Graph { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>x, N×n.</summary>
    public double[] Inputs { get; }

    /// <summary>Outputs, N×m.</summary>
    public double[] Outputs { get; }

    /// <summary>Jacobians, N×m×n.</summary>
    public double[] Jacobians { get; }

    /// <summary>Point <paramref name="p"/>'s inputs.</summary>
    public double[] Point(int p) => Inputs.AsSpan(p * Graph.InputCount, Graph.InputCount).ToArray();
}
