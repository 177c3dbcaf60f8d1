using Elim.Perf.Peers;

namespace Elim.Perf.Contenders;

/// <summary>The hand-written C# reverse sweep of RoeFlux_1d: what a careful C# user would write.</summary>
public sealed class HandWrittenContender : IContender
{
    public string Name => "handwritten-reverse";
    public int MaxPoints => int.MaxValue;

    public void Run(Batch batch, int count, int threads)
    {
        if (threads == 1)
        {
            Sweep(batch, 0, count);
            return;
        }
        int chunk = (count + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            Sweep(batch, t * chunk, Math.Min(count, (t + 1) * chunk)));
    }

    private static void Sweep(Batch batch, int start, int end)
    {
        for (int p = start; p < end; p++)
            RoeFluxReverseSweep.Evaluate(batch.Inputs.AsSpan(p * 6, 6), batch.Outputs.AsSpan(p * 3, 3), batch.Jacobians.AsSpan(p * 18, 18));
    }

    public double[] FirstJacobian(Batch batch)
    {
        var jacobian = new double[18];
        RoeFluxReverseSweep.Evaluate(batch.Point(0), new double[3], jacobian);
        return jacobian;
    }
}
