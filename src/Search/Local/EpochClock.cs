using System.Diagnostics;

namespace Elim.Search.Local;

/// <summary>
/// Where an annealing chain stands in its cooling epochs. A chain with a budget of moves counts moves, so that the same
/// seed and budget give the same order. A chain limited by time alone advances by a step per move that it re-times every
/// <see cref="TimingMoves"/> moves, so that the epochs left end with the time at the current pace: moves get cheaper as
/// the chain cools (fewer fill-in edges to price), so epochs timed once, while hot, ended early and the time left went
/// to a new epoch stopped while hot. Steps, not the clock itself, keep the schedule's moves per temperature: cooling by
/// the clock gave the slow hot start fewer moves and did worse on the encoder (the measurements are in CHANGELOG.md).
/// </summary>
internal sealed class EpochClock
{
    /// <summary>Moves between timings.</summary>
    public const int TimingMoves = 2048;

    private readonly long _tunedMoves;
    private readonly bool _byTime;
    private long _epochMoves;
    private long _timedAt = Stopwatch.GetTimestamp(), _timedMove;
    private double _epochs = 1, _position, _step;
    private long _epoch;

    /// <param name="tunedMoves">The schedule's epoch in moves.</param>
    /// <param name="moves">The chain's budget of moves, or null when only its time limits it.</param>
    public EpochClock(long tunedMoves, long? moves)
    {
        _tunedMoves = tunedMoves;
        _byTime = moves is null;
        // A budget of moves smaller than an epoch is one epoch: the chain cools within it.
        _epochMoves = Math.Min(tunedMoves, moves ?? long.MaxValue);
        _step = 1.0 / _epochMoves;
    }

    /// <summary>
    /// The fraction of its epoch that <paramref name="move"/> (counted from 0, one call each) stands at, and whether it
    /// is the first move of an epoch after the first (the chain then restarts from its best order).
    /// <paramref name="timeLeft"/> gives the chain's time left when a timing is due.
    /// </summary>
    public (double Fraction, bool Restart) Next(long move, Func<TimeSpan> timeLeft)
    {
        if (move > 0 && move % TimingMoves == 0) Time(move, timeLeft());
        if (!_byTime) return ((double)(move % _epochMoves) / _epochMoves, move > 0 && move % _epochMoves == 0);
        long epoch = (long)_position;
        bool restart = epoch > _epoch;
        _epoch = epoch;
        double fraction = _position - epoch;
        _position = Math.Min(_position + _step, Math.BitDecrement(_epochs));   // the last epoch holds its coldest temperature
        return (fraction, restart);
    }

    // By time: the last moves' pace sets the step; the first timing also sets how many whole epochs of at least the
    // tuned length fit. By moves: an epoch that would outlast the time is shortened once to end with it.
    private void Time(long move, TimeSpan left)
    {
        long now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(_timedAt, now);
        bool first = _timedMove == 0;
        if (!_byTime)
        {
            if (first) _epochMoves = FitEpoch(_epochMoves, move, elapsed, left);
        }
        else if (elapsed > TimeSpan.Zero && left > TimeSpan.Zero)
        {
            double movesLeft = (move - _timedMove) / elapsed.TotalSeconds * left.TotalSeconds;
            if (first) _epochs = Math.Max(1, Math.Floor((move + movesLeft) / _tunedMoves));
            _step = (_epochs - _position) / Math.Max(movesLeft, 1);
        }
        (_timedAt, _timedMove) = (now, move);
    }

    /// <summary>
    /// The epoch shortened, if need be, so that it ends when the time does: a chain stopped by the clock in the middle of
    /// its first epoch never cooled (on the encoder an epoch of 4,000 moves per vertex takes many minutes), so its
    /// result was its start plus a random walk. <paramref name="done"/> moves took <paramref name="elapsed"/>.
    /// </summary>
    internal static long FitEpoch(long epoch, long done, TimeSpan elapsed, TimeSpan left)
    {
        // An epoch already over (a short one of a custom schedule) has nothing left to fit.
        if (epoch <= done || elapsed <= TimeSpan.Zero || left <= TimeSpan.Zero) return epoch;
        double movesLeft = done / elapsed.TotalSeconds * left.TotalSeconds;
        return (long)Math.Clamp(done + movesLeft, done + 1, epoch);
    }
}
