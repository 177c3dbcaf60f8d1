using System.Globalization;

namespace Elim.Graph;

/// <summary>
/// How fast an order's compiled batched Jacobian ran where <c>elim tune</c> measured it: seconds per point on one
/// thread (the median of interleaved rounds, with the fastest and slowest round), the batch size and the machine.
/// </summary>
/// <param name="SecondsPerPoint">The median round.</param>
/// <param name="MinSecondsPerPoint">The fastest round.</param>
/// <param name="MaxSecondsPerPoint">The slowest round.</param>
/// <param name="Batch">Points per call.</param>
/// <param name="Threads">Threads the batch ran on.</param>
/// <param name="Machine">Which machine, in words (processor, cores, runtime).</param>
public sealed record OrderMeasurement(
    double SecondsPerPoint, double MinSecondsPerPoint, double MaxSecondsPerPoint, int Batch, int Threads, string Machine)
{
    /// <summary>Whether <paramref name="other"/> was taken the same way (machine, batch, threads), so that their times compare.</summary>
    public bool ComparesWith(OrderMeasurement other) => Machine == other.Machine && Batch == other.Batch && Threads == other.Threads;

    /// <summary>Like <c>25.4 ns/point at batch 1000</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SecondsPerPoint * 1e9:G3} ns/point at batch {Batch}");
}
