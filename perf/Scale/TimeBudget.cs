using System.Diagnostics;

namespace Elim.Scale.Perf;

/// <summary>
/// The benchmark's time budget. A step is only started when its predicted time fits what is left: the time it took
/// at the previous size, grown by the size ratio squared (a step that scales worse than that is the finding anyway).
/// </summary>
public sealed class TimeBudget(TimeSpan total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Left => total - _clock.Elapsed;

    /// <summary>Why a step predicted from <paramref name="previousSeconds"/> at <paramref name="ratio"/> times fewer vertices cannot run, or null.</summary>
    public string? Refusal(double? previousSeconds, double ratio)
    {
        if (Left <= TimeSpan.Zero) return "budget spent";
        if (previousSeconds is not { } seconds) return null;
        double predicted = seconds * ratio * ratio;
        return predicted > Left.TotalSeconds ? $"predicted {predicted:F0} s, {Left.TotalSeconds:F0} s left" : null;
    }
}
