using System.Diagnostics;
using Elim.Graph;

namespace Elim.Search;

/// <summary>
/// The bookkeeping one search call shares between its workers: the clock and iteration budget, the best
/// order so far (thread-safe), the best lower bound, and throttled progress reports.
/// </summary>
internal sealed class SearchRun
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(200);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SearchBudget _budget;
    private readonly IProgress<SearchProgress>? _progress;
    private readonly CancellationToken _token;
    private readonly string _unit;
    private readonly object _gate = new();
    private int[] _bestOrder = [];
    private long _evaluations;
    private TimeSpan? _lastReport;
    private readonly List<string> _notes = [];

    /// <summary>A run of <paramref name="method"/>; <paramref name="unit"/> names its evaluations in progress lines (exact search: nodes).</summary>
    public SearchRun(string method, SearchBudget budget, IProgress<SearchProgress>? progress, CancellationToken token, string unit = SearchProgress.DefaultUnit)
    {
        Method = method;
        _unit = unit;
        _budget = budget;
        _progress = progress;
        _token = token;
    }

    public string Method { get; }

    public long BestCost { get; private set; } = long.MaxValue;

    public long LowerBound { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>The iteration budget, or null.</summary>
    public long? IterationLimit => _budget.Iterations;

    /// <summary>True once the time is up or the search was cancelled (iteration limits are each worker's to check).</summary>
    public bool OutOfTime => _token.IsCancellationRequested || _clock.Elapsed >= _budget.Time;

    /// <summary>Time left before the deadline.</summary>
    public TimeSpan TimeLeft => _budget.Time - _clock.Elapsed;

    /// <summary>Reports progress when a report is due, and says whether the time is up: for loops that check every few steps.</summary>
    public bool ReportAndCheckTime()
    {
        Report();
        return OutOfTime;
    }

    /// <summary>Counts <paramref name="count"/> units of work.</summary>
    public void AddEvaluations(long count) => Interlocked.Add(ref _evaluations, count);

    /// <summary>Keeps <paramref name="order"/> if it beats the best so far; returns whether it did.</summary>
    public bool Offer(ReadOnlySpan<int> order, long cost)
    {
        if (cost >= BestCost) return false;
        lock (_gate)
        {
            if (cost >= BestCost) return false;
            _bestOrder = order.ToArray();
            BestCost = cost;
        }
        Report(force: true);
        return true;
    }

    /// <summary>Records something the user should know about this search (see <see cref="SearchResult.Notes"/>).</summary>
    public void Note(string note)
    {
        lock (_gate) _notes.Add(note);
    }

    /// <summary>Keeps <paramref name="bound"/> if it is higher than the best known lower bound.</summary>
    public void RaiseLowerBound(long bound)
    {
        lock (_gate) LowerBound = Math.Max(LowerBound, bound);
    }

    /// <summary>Sends a progress snapshot, at most every 200 ms unless <paramref name="force"/>d.</summary>
    public void Report(bool force = false)
    {
        if (_progress is null || BestCost == long.MaxValue) return;
        var now = _clock.Elapsed;
        lock (_gate)
        {
            if (!force && now - _lastReport < ReportInterval) return;
            _lastReport = now;
        }
        _progress.Report(new SearchProgress(Method, BestCost, LowerBound, now, Evaluations, _unit));
    }

    /// <summary>
    /// <paramref name="order"/> as the result: parallel methods pick their winner deterministically
    /// (cheapest, then lowest worker) instead of taking whichever tied worker reported first.
    /// </summary>
    public SearchResult ResultFor(int[] order, long cost)
    {
        if (cost > BestCost) throw new InvalidOperationException($"The chosen order costs {cost}, more than the best found ({BestCost}).");
        lock (_gate)
        {
            _bestOrder = order;
            BestCost = cost;
        }
        return Result();
    }

    /// <summary>The best order as a result; it is proven optimal when <paramref name="provenOptimal"/> or when it meets the lower bound.</summary>
    public SearchResult Result(bool provenOptimal = false)
    {
        lock (_gate)
        {
            provenOptimal |= LowerBound >= BestCost;
            if (provenOptimal) LowerBound = BestCost;
            return new SearchResult(new EliminationOrder(_bestOrder), BestCost, Math.Min(LowerBound, BestCost), Method, provenOptimal,
                _clock.Elapsed, Evaluations) { Notes = [.. _notes] };
        }
    }
}
