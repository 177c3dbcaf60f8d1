using Elim.Search;

namespace Elim.Cli;

/// <summary>
/// Shows search progress on stderr: on a terminal one line rewritten in place, otherwise a line at most
/// every few seconds (so logs stay readable).
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, bool liveLine) : IProgress<SearchProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private TimeSpan? _lastLine;
    private bool _wroteLive;

    public void Report(SearchProgress value)
    {
        string line = $"{value.Method}: best {value.BestCost}, lower bound {value.LowerBound}{Gap(value)}, {value.Elapsed.TotalSeconds:F1} s, {value.Evaluations:N0} {value.Unit}";
        lock (_gate)
        {
            if (liveLine)
            {
                error.Write("\r" + line.PadRight(79));
                _wroteLive = true;
            }
            else if (_lastLine is null || value.Elapsed - _lastLine >= LogInterval)
            {
                error.WriteLine(line);
                _lastLine = value.Elapsed;
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
        }
    }
}
