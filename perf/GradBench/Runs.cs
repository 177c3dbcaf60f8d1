using System.Diagnostics;
using System.Text.Json;

namespace Elim.GradBench;

/// <summary>GradBench's <c>Runs</c>: run at least <c>min_runs</c> times and until <c>min_seconds</c> have passed.</summary>
internal static class Runs
{
    /// <summary>Runs <paramref name="run"/> as <paramref name="input"/> asks; one "evaluate" timing per run.</summary>
    public static List<Timing> Repeat(JsonElement input, Action run)
    {
        var minRuns = input.TryGetProperty("min_runs", out var r) ? JsonInput.Int(r, "min_runs") : 1;
        var minSeconds = input.TryGetProperty("min_seconds", out var s) ? JsonInput.Double(s, "min_seconds") : 0.0;
        if (minRuns < 1) throw new EvalInputException($"min_runs must be at least 1, got {minRuns}");
        var timings = new List<Timing>();
        long total = 0;
        for (var i = 0; i < minRuns || total < minSeconds * 1e9; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            var ns = (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6);
            timings.Add(new Timing("evaluate", ns));
            total += ns;
        }
        return timings;
    }

    /// <summary>The nanoseconds <paramref name="work"/> takes, as a timing named <paramref name="name"/>.</summary>
    public static Timing Time(string name, Action work)
    {
        var start = Stopwatch.GetTimestamp();
        work();
        return new Timing(name, (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6));
    }
}
