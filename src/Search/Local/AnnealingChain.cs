using Elim.Search.Game;

namespace Elim.Search.Local;

/// <summary>
/// One annealing chain: its own game, order, random stream and best order. Moves start at a cursor
/// that sweeps along the order, so the game (standing at the cursor) moves a step or two between moves
/// and each move replays only its own segment.
/// </summary>
internal sealed class AnnealingChain
{
    private const int ReportEvery = 256;            // moves between progress reports (the clock is read every move)

    /// <summary>
    /// A move that costs more than this many temperatures extra is accepted with probability below e^−40, so
    /// its pricing stops there (on a big graph one bad move could otherwise create millions of fill-in edges).
    /// </summary>
    private const double RejectBeyondTemperatures = 40;

    private readonly OrderEvaluator _evaluator;
    private readonly Random _random;
    private readonly AnnealingSchedule _schedule;

    /// <summary>A chain from <paramref name="start"/>, which costs <paramref name="startCost"/> (priced when the chain runs).</summary>
    public AnnealingChain(EliminationGame game, int[] start, long startCost, int seed, AnnealingSchedule schedule)
    {
        _schedule = schedule;
        _evaluator = new OrderEvaluator(game, start.Length);
        Best = (int[])start.Clone();
        BestCost = startCost;
        _random = new Random(seed);
    }

    public int[] Best { get; private set; }

    public long BestCost { get; private set; }

    public void Run(SearchRun run, long? moves)
    {
        int length = Best.Length;
        Func<bool> outOfTime = () => run.OutOfTime;
        if (length < 2 || !_evaluator.Load(Best, outOfTime)) return;
        var clock = new EpochClock((long)_schedule.EpochMovesPerVertex * length, moves);
        Func<TimeSpan> timeLeft = () => run.TimeLeft;
        for (long move = 0; moves is null || move < moves; move++)
        {
            if (move % ReportEvery == 0)
            {
                run.AddEvaluations(move == 0 ? 0 : ReportEvery);
                run.Report();
                if (BestCost <= run.LowerBound) return;
            }
            if (run.OutOfTime) return;
            var (fraction, restart) = clock.Next(move, timeLeft);
            if (restart && !_evaluator.Load(Best, outOfTime)) return;
            double temperature = _schedule.TemperatureAt(fraction);
            var change = OrderMove.Random(_random, (int)(move % length), length);
            long delta = _evaluator.Propose(change, (long)Math.Ceiling(RejectBeyondTemperatures * temperature)) - _evaluator.Total;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / temperature))
            {
                _evaluator.Accept();
                if (_evaluator.Total < BestCost)
                {
                    BestCost = _evaluator.Total;
                    Best = _evaluator.Order.ToArray();
                    run.Offer(Best, BestCost);
                }
            }
            else _evaluator.Reject();
        }
    }
}
