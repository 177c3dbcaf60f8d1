using System.Diagnostics;
using Elim.Search;

namespace Elim.Cli;

/// <summary>
/// Shows the progress of a search or of a big compile on stderr: on a terminal one line rewritten in place, otherwise a
/// line at most every few seconds (so logs stay readable). A compile says nothing during its first second
/// (<paramref name="compileQuietFor"/>), so the many small ones stay silent.
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool liveLine, TimeSpan? compileQuietFor = null)
    : IProgress<SearchProgress>, IProgress<CompileProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _compileQuietFor = compileQuietFor ?? TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan? _lastLine;
    private bool _wroteLive;

    /// <summary>A display on <paramref name="error"/>, live when that is the console's stderr on a terminal.</summary>
    public static ProgressDisplay On(TextWriter error) =>
        new(error, liveLine: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(SearchProgress value) =>
        Show($"{value.Method}: best {value.BestCost}, lower bound {value.LowerBound}{Gap(value)}, {value.Elapsed.TotalSeconds:F1} s, {value.Evaluations:N0} {value.Unit}",
            value.Elapsed);

    public void Report(CompileProgress value)
    {
        var elapsed = _clock.Elapsed;
        if (elapsed >= _compileQuietFor) Show($"{value}, {elapsed.TotalSeconds:F1} s", elapsed);
    }

    private void Show(string line, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (liveLine)
            {
                error.Write("\r" + line.PadRight(79));
                _wroteLive = true;
            }
            else if (_lastLine is null || elapsed - _lastLine >= LogInterval)
            {
                error.WriteLine(line);
                _lastLine = elapsed;
            }
        }
    }

    // The share of the best cost the bound has not yet ruled out, once both are known.
    private static string Gap(SearchProgress value) =>
        value.LowerBound > 0 && value.BestCost is > 0 and < long.MaxValue
            ? $" (gap {100.0 * (value.BestCost - value.LowerBound) / value.BestCost:F1}%)"
            : "";

    /// <summary>Ends the live line so later output starts on a fresh line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_wroteLive) error.WriteLine();
            _wroteLive = false;
        }
    }
}
