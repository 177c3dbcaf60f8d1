using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>
/// The depth-first walk of <see cref="BranchAndBound"/>, with its per-depth scratch arrays. It can start down a
/// checkpoint's path (skipping the subtrees left of it, which an earlier run explored), and when it stops it knows
/// its position and a lower bound on everything it has not explored.
/// </summary>
internal sealed class BranchAndBoundSolver
{
    private const int CheckEvery = 1024;             // nodes between budget checks

    private readonly EliminationGame _game;
    private readonly SearchRun _run;
    private readonly GroupCutBound _bound;
    private readonly int[] _gone;                    // per bound group: its members eliminated so far
    private readonly UInt128[] _keyOf;               // per vertex id: its share of the set key
    private readonly TranspositionTable _table;
    private readonly CandidateOrder _order;
    private readonly int[][] _candidates;            // per depth: remaining vertices in trying order
    private readonly long[][] _childBounds;          // per depth, per candidate: a lower bound on every order through it
    private readonly long[][] _openAfter;            // per depth, per candidate: the least child bound right of it
    private readonly int[] _at;                      // per depth: the candidate being explored
    private readonly IReadOnlyList<PathStep> _resumeAt;
    private readonly TimeSpan _stopAt;
    private long _boundRemaining;
    private UInt128 _key;
    private long _nodes;
    private long _counted;                           // nodes already added to the run's evaluations
    private bool _following;                         // still walking down the resume path
    private int _stopDepth = -1;                     // the depth of the node the walk stopped at, or -1

    public BranchAndBoundSolver(EliminationGame game, SearchRun run, GroupCutBound bound, TimeSpan stopAt, ExactCheckpoint? resume)
    {
        _stopAt = stopAt;
        _resumeAt = resume?.Path ?? [];
        _table = new TranspositionTable(resume?.Transpositions);
        _game = game;
        _order = new CandidateOrder(game);
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
        _childBounds = new long[depths][];
        _openAfter = new long[depths][];
        _at = new int[depths];
        for (int d = 0; d < depths; d++)
        {
            _candidates[d] = new int[game.RemainingCount];
            _childBounds[d] = new long[game.RemainingCount];
            _openAfter[d] = new long[game.RemainingCount];
        }
    }

    /// <summary>Walks the tree; true when it was exhausted within the budget.</summary>
    public bool Run()
    {
        _following = _resumeAt.Count > 0;
        Visit(0);
        _run.AddEvaluations(_nodes - _counted);
        return _stopDepth < 0;
    }

    /// <summary>The transposition table's entries, for a checkpoint.</summary>
    public IReadOnlyDictionary<UInt128, long> Transpositions => _table.Entries;

    /// <summary>Where the walk stopped: per depth, the candidate being explored down to the next node to explore.</summary>
    public PathStep[] Position() =>
        [.. Enumerable.Range(0, Math.Max(_stopDepth, 0)).Select(d => new PathStep(_at[d], _candidates[d][_at[d]]))];

    private void Visit(int depth)
    {
        if (_game.IsComplete)
        {
            _run.Offer(_game.Eliminated, _game.Cost);
            return;
        }
        _following &= depth < _resumeAt.Count;   // the node an earlier run stopped at is new ground
        // Never stop on the way down a resume path: its nodes are partly explored, and a shorter path would redo that.
        if (++_nodes % CheckEvery == 0 && !_following && OverBudget(depth)) { _stopDepth = depth; return; }
        long cost = _game.Cost;
        if (cost + _boundRemaining >= _run.BestCost) return;
        // A node of the resume path is in the saved table, entered at this very cost: it is partly explored, not done.
        if (!_following && _table.Dominates(_key, cost)) return;
        _table.Record(_key, cost);

        int count = Expand(depth, cost);
        int first = _following ? _resumeAt[depth].Candidate : 0;   // an earlier run explored those before it
        var candidates = _candidates[depth];
        var childBounds = _childBounds[depth];
        for (int c = first; c < count && _stopDepth < 0; c++)
        {
            _following &= c == first;   // only the resume path's own child goes on down it
            if (childBounds[c] >= _run.BestCost) continue;
            int id = candidates[c];
            long drop = _bound.Drop(_gone, id);
            _at[depth] = c;
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

    // Sorts the candidates and bounds each child by its step plus the bound on what remains after it; the least
    // bound right of each candidate is kept, so the bound on the unexplored part of the tree is known at any node.
    private int Expand(int depth, long cost)
    {
        var candidates = _candidates[depth];
        var bounds = _childBounds[depth];
        var openAfter = _openAfter[depth];
        int count = _order.Sort(candidates, bounds);   // step costs, turned into bounds below
        long least = long.MaxValue;
        for (int c = count - 1; c >= 0; c--)
        {
            openAfter[c] = least;
            bounds[c] += cost + _boundRemaining - _bound.Drop(_gone, candidates[c]);
            least = Math.Min(least, bounds[c]);
        }
        return count;
    }

    // The least bound of what is still unexplored: the node at depth, about to be expanded, and the children right of
    // the path above it. Everything left of the path was explored against a best cost at least today's, so the
    // optimum is at least the smaller of this and the best cost.
    private long OpenBound(int depth)
    {
        long least = _game.Cost + _boundRemaining;
        for (int d = 0; d < depth; d++) least = Math.Min(least, _openAfter[d][_at[d]]);
        return least;
    }

    private bool OverBudget(int depth)
    {
        _run.AddEvaluations(_nodes - _counted);
        _counted = _nodes;
        _run.RaiseLowerBound(Math.Min(OpenBound(depth), _run.BestCost));
        _run.Report();
        return _run.OutOfTime || _run.Elapsed >= _stopAt || _nodes >= _run.IterationLimit;
    }
}
