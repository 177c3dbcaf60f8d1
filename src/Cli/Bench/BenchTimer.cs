using System.Diagnostics;

namespace Elim.Cli.Bench;

/// <summary>The spread of repeated timings of one action, in seconds per call.</summary>
/// <param name="Min">The fastest sample.</param>
/// <param name="Median">The median sample: what <c>elim bench</c> reports and compares.</param>
/// <param name="Max">The slowest sample.</param>
/// <param name="Samples">How many samples were taken.</param>
/// <param name="CallsPerSample">How many calls each sample timed together.</param>
public sealed record BenchTiming(double Min, double Median, double Max, int Samples, int CallsPerSample)
{
    /// <summary>The same spread divided by <paramref name="points"/>: seconds per point.</summary>
    public BenchTiming PerPoint(int points) => this with { Min = Min / points, Median = Median / points, Max = Max / points };
}

/// <summary>
/// Times an action: warm-up calls for a few milliseconds, then samples for at least a minimum time. A sample times a group of
/// calls long enough that the clock's own cost and resolution are a small part of it (a single point takes
/// tens of nanoseconds), read in the clock's ticks, not rounded to a TimeSpan's 100 ns.
/// </summary>
public static class BenchTimer
{
    private const double SampleSeconds = 50e-6;
    private const double WarmUpSeconds = 5e-3;
    private const int MinimumSamples = 5;

    /// <summary>The spread of at least five samples spread over at least <paramref name="minimumSeconds"/>.</summary>
    public static BenchTiming Measure(Action run, double minimumSeconds = 0.5)
    {
        // Calls repeated for a few milliseconds first, so that the group's size is found from warm calls (cold ones, a
        // few times slower, made groups too small to last a sample).
        long warm = Stopwatch.GetTimestamp() + (long)(WarmUpSeconds * Stopwatch.Frequency);
        do run(); while (Stopwatch.GetTimestamp() < warm);
        int calls = CallsPerSample(run);
        var samples = new List<double>();
        long end = Stopwatch.GetTimestamp() + (long)(minimumSeconds * Stopwatch.Frequency);
        while (samples.Count < MinimumSamples || Stopwatch.GetTimestamp() < end)
        {
            long start = Stopwatch.GetTimestamp();
            for (int k = 0; k < calls; k++) run();
            samples.Add((double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency / calls);
        }
        samples.Sort();
        int middle = samples.Count / 2;
        double median = samples.Count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
        return new BenchTiming(samples[0], median, samples[^1], samples.Count, calls);
    }

    // Doubles the group until it lasts a sample's length.
    private static int CallsPerSample(Action run)
    {
        for (int calls = 1; ; calls *= 2)
        {
            long start = Stopwatch.GetTimestamp();
            for (int k = 0; k < calls; k++) run();
            if ((double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency >= SampleSeconds || calls >= 1 << 24) return calls;
        }
    }
}
