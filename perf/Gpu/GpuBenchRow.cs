namespace Elim.Perf.Gpu;

/// <summary>One timing: a contender on one example at one batch size.</summary>
/// <param name="Example">Example file (without extension).</param>
/// <param name="Contender">gpu-kernel (data on the device), gpu-with-copies (host spans in and out) or cpu-all-cores.</param>
/// <param name="Batch">Points per call.</param>
/// <param name="Seconds">Best wall time of one call.</param>
/// <param name="BytesPerPoint">Bytes of x read plus outputs and Jacobian written per point.</param>
/// <param name="CpuSeconds">The CPU backend's time on the same batch, for the ratio.</param>
internal sealed record GpuBenchRow(string Example, string Contender, int Batch, double Seconds, long BytesPerPoint, double CpuSeconds)
{
    public double JacobiansPerSecond => Batch / Seconds;

    public double BytesPerSecond => Batch * (double)BytesPerPoint / Seconds;

    public double SpeedupOverCpu => CpuSeconds / Seconds;
}
