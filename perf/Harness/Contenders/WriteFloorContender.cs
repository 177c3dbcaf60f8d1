using Elim.Graph;

namespace Elim.Perf.Contenders;

/// <summary>
/// Only writes the results: fills the batch's outputs and Jacobians with ones (Span.Fill, split over the
/// threads). No Jacobian code can write them faster, so at large batches, where the Jacobians outgrow the
/// caches, this is the memory-bandwidth floor beside the compiled primal's compute floor.
/// </summary>
public sealed class WriteFloorContender(ComputationalGraph graph) : IContender
{
    public string Name => "write-floor";
    public int MaxPoints => int.MaxValue;

    public void Run(Batch batch, int count, int threads)
    {
        // One thread fills in place: the thread pool's dispatch (hundreds of nanoseconds) would be most of a small batch.
        if (threads == 1)
        {
            FillPoints(batch, 0, count);
            return;
        }
        int chunk = (count + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            FillPoints(batch, (long)t * chunk, Math.Min(count, (long)t * chunk + chunk)));
    }

    private void FillPoints(Batch batch, long start, long end)
    {
        if (end <= start) return;
        Fill(batch.Outputs, start * graph.OutputCount, end * graph.OutputCount);
        long jacobianSize = (long)graph.OutputCount * graph.InputCount;
        Fill(batch.Jacobians, start * jacobianSize, end * jacobianSize);
    }

    /// <summary>Computes nothing; the harness verifies only contenders that compute Jacobians.</summary>
    public double[] FirstJacobian(Batch batch) => [];

    // Ones, not zeros: some machines store zeros faster, and Jacobians are not all zeros.
    private static void Fill(double[] buffer, long start, long end) => buffer.AsSpan((int)start, (int)(end - start)).Fill(1);
}
