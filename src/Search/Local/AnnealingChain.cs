using Elim.Search.Game;

namespace Elim.Search.Local;

/// <summary>One annealing chain: its own game, order, random stream and best order.</summary>
internal sealed class AnnealingChain
{
    private const double StartTemperature = 2.0;
    private const double EndTemperature = 0.05;
    private const int EpochMovesPerVertex = 2000;   // an epoch lasts this many moves per eliminable vertex
    private const int CheckEvery = 256;             // moves between clock checks

    private readonly OrderEvaluator _evaluator;
    private readonly int[] _current;
    private readonly Random _random;

    public AnnealingChain(EliminationGame game, int[] start, int seed)
    {
        _evaluator = new OrderEvaluator(game);
        _current = (int[])start.Clone();
        Best = (int[])start.Clone();
        _random = new Random(seed);
        BestCost = _evaluator.Evaluate(_current, 0);
    }

    public int[] Best { get; private set; }

    public long BestCost { get; private set; }

    public void Run(SearchRun run, long? moves)
    {
        int length = _current.Length;
        if (length < 2) return;
        long epoch = (long)EpochMovesPerVertex * length;
        long currentCost = BestCost;
        for (long move = 0; moves is null || move < moves; move++)
        {
            if (move % CheckEvery == 0)
            {
                run.AddEvaluations(move == 0 ? 0 : CheckEvery);
                if (run.OutOfTime) return;
            }
            long inEpoch = move % epoch;
            if (inEpoch == 0 && move > 0)
            {
                Best.CopyTo(_current, 0);
                _evaluator.Invalidate(0);
                currentCost = BestCost;
            }
            double temperature = StartTemperature * Math.Pow(EndTemperature / StartTemperature, (double)inEpoch / epoch);
            var change = OrderMove.Random(_random, length);
            change.Apply(_current);
            long cost = _evaluator.Evaluate(_current, change.FirstChanged);
            long delta = cost - currentCost;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / temperature))
            {
                currentCost = cost;
                if (cost < BestCost)
                {
                    BestCost = cost;
                    Best = (int[])_current.Clone();
                    run.Offer(_current, cost);
                }
            }
            else
            {
                change.Revert(_current);
                _evaluator.Invalidate(change.FirstChanged);
            }
        }
    }
}
