using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>The depth-first walk of <see cref="BranchAndBound"/>, with its per-depth scratch arrays.</summary>
internal sealed class BranchAndBoundSolver
{
    private const int CheckEvery = 1024;             // nodes between budget checks
    private const int TableCapacity = 1 << 20;       // transposition entries kept at most

    private readonly EliminationGame _game;
    private readonly SearchRun _run;
    private readonly GroupCutBound _bound;
    private readonly int[] _gone;                    // per bound group: its members eliminated so far
    private readonly UInt128[] _keyOf;               // per vertex id: its share of the set key
    private readonly Dictionary<UInt128, long> _cheapestCostTo = [];
    private readonly int[][] _candidates;            // per depth: remaining vertices, cheapest step first
    private readonly long[][] _stepCosts;
    private readonly TimeSpan _stopAt;
    private long _boundRemaining;
    private UInt128 _key;
    private long _nodes;
    private bool _stopped;

    public BranchAndBoundSolver(EliminationGame game, SearchRun run, GroupCutBound bound, TimeSpan stopAt)
    {
        _stopAt = stopAt;
        _game = game;
        _run = run;
        _bound = bound;
        _gone = bound.GoneMembers(game);
        _boundRemaining = bound.Remaining(_gone);
        var random = new Random(0x5eed);
        _keyOf = new UInt128[game.Graph.VertexCount + 1];
        var eliminable = game.Graph.EliminableVertices;
        for (int i = 0; i < eliminable.Count; i++)
        {
            // Exact set keys while they fit in 128 bits, random (Zobrist) keys beyond.
            _keyOf[eliminable[i]] = i < 128
                ? UInt128.One << i
                : new UInt128((ulong)random.NextInt64() | 1UL << 63, (ulong)random.NextInt64());
        }
        int depths = game.RemainingCount + 1;
        _candidates = new int[depths][];
        _stepCosts = new long[depths][];
        for (int d = 0; d < depths; d++) { _candidates[d] = new int[game.RemainingCount]; _stepCosts[d] = new long[game.RemainingCount]; }
    }

    /// <summary>Walks the tree; true when it was exhausted within the budget.</summary>
    public bool Run()
    {
        Visit(0);
        _run.AddEvaluations(_nodes % CheckEvery);
        return !_stopped;
    }

    private void Visit(int depth)
    {
        if (_game.IsComplete)
        {
            _run.Offer(_game.Eliminated, _game.Cost);
            return;
        }
        if (++_nodes % CheckEvery == 0 && OverBudget()) { _stopped = true; return; }
        long cost = _game.Cost;
        if (cost + _boundRemaining >= _run.BestCost) return;
        if (_cheapestCostTo.TryGetValue(_key, out long seen) && seen <= cost) return;
        if (_cheapestCostTo.Count < TableCapacity || _cheapestCostTo.ContainsKey(_key)) _cheapestCostTo[_key] = cost;

        int count = SortedCandidates(depth);
        var candidates = _candidates[depth];
        var steps = _stepCosts[depth];
        for (int c = 0; c < count && !_stopped; c++)
        {
            int id = candidates[c];
            long drop = _bound.Drop(_gone, id);
            if (cost + steps[c] + _boundRemaining - drop >= _run.BestCost) continue;
            _game.Eliminate(id);
            _key ^= _keyOf[id];
            _bound.Toggle(_gone, id);
            _boundRemaining -= drop;
            Visit(depth + 1);
            _boundRemaining += drop;
            _bound.Toggle(_gone, id);
            _key ^= _keyOf[id];
            _game.Undo();
        }
    }

    // The remaining vertices by step cost, then id: cheap steps first find good orders early.
    private int SortedCandidates(int depth)
    {
        var candidates = _candidates[depth];
        var steps = _stepCosts[depth];
        int count = 0;
        foreach (int id in _game.Remaining)
        {
            long step = _game.StepCost(id);
            int at = count++;
            while (at > 0 && (steps[at - 1] > step || steps[at - 1] == step && candidates[at - 1] > id))
            {
                steps[at] = steps[at - 1];
                candidates[at] = candidates[at - 1];
                at--;
            }
            steps[at] = step;
            candidates[at] = id;
        }
        return count;
    }

    private bool OverBudget()
    {
        _run.AddEvaluations(CheckEvery);
        _run.Report();
        return _run.OutOfTime || _run.Elapsed >= _stopAt || _nodes >= _run.IterationLimit;
    }
}
