using Elim.Search.Game;

namespace Elim.Search.Mcts;

/// <summary>
/// One thread's tree search. The game always returns to the tree root's state between simulations;
/// <see cref="Simulate"/>, <see cref="Expand"/> and <see cref="Backup"/> are the three steps of one simulation.
/// </summary>
internal sealed class MctsWorker
{
    private const int CheckEvery = 16;      // simulations between clock checks

    /// <summary>Added to the logit of the best known order's next vertex, so the tree always holds the incumbent's line.</summary>
    public const float IncumbentBonus = 3f;

    private readonly EliminationGame _game;
    private readonly SearchTree _tree;
    private readonly IPrior _prior;
    private readonly Random _random;
    private readonly int _simulationsPerMove;
    private readonly float[] _logits;
    private readonly int[] _actions;
    private readonly int[] _byLogit;
    private readonly Rollout _rollout;

    /// <summary>A worker that starts from <paramref name="start"/>, which costs <paramref name="startCost"/>.</summary>
    public MctsWorker(EliminationGame game, SearchTree tree, IPrior prior, int[] start, long startCost, int seed, int simulationsPerMove)
    {
        _game = game;
        _tree = tree;
        _prior = prior;
        _random = new Random(seed);
        _simulationsPerMove = simulationsPerMove;
        _logits = new float[game.EliminableCount];
        _actions = new int[game.EliminableCount];
        _byLogit = new int[game.EliminableCount];
        Best = (int[])start.Clone();
        BestCost = startCost;
        _rollout = new Rollout(game.Graph.VertexCount, start);
    }

    public int[] Best { get; private set; }

    public long BestCost { get; private set; }

    /// <summary>Plays episodes until the budget ends (<paramref name="simulations"/> of them at most).</summary>
    public void Run(SearchRun run, long? simulations)
    {
        long done = 0;
        if (_game.EliminableCount == 0) return;
        Func<bool> outOfTime = () => run.OutOfTime;
        while (true)
        {
            _game.Reset();
            _tree.Clear();
            while (!_game.IsComplete)
            {
                for (int s = 0; s < _simulationsPerMove; s++)
                {
                    if (simulations is long limit && done >= limit) return;
                    if (done++ % CheckEvery == 0)
                    {
                        run.AddEvaluations(CheckEvery);
                        run.Report();
                        if (run.OutOfTime || BestCost <= run.LowerBound) return;
                    }
                    if (!SimulateOnce(run, outOfTime)) return;
                }
                Commit(ActionSelection.MostVisited(_tree, _tree.Root));
            }
            Consider(run);
        }
    }

    // Returns false when the time ran out during the playout (the simulation is dropped).
    private bool SimulateOnce(SearchRun run, Func<bool> outOfTime)
    {
        int rootDepth = _game.Depth;
        int leaf = Simulate();
        double? estimate = Expand(leaf);
        if (estimate is null && !_rollout.Play(_game, _random, outOfTime))
        {
            _game.UndoTo(rootDepth);
            return false;
        }
        double total = _game.Cost + (_game.IsComplete ? 0 : estimate ?? 0);
        Consider(run);
        Backup(leaf, -total);
        _game.UndoTo(rootDepth);
        return true;
    }

    /// <summary>Walks down from the root by PUCT, eliminating as it goes, to a new or terminal node; returns it.</summary>
    private int Simulate()
    {
        int node = _tree.Root;
        while (_tree.Expanded[node] && _tree.ChildCount[node] > 0)
        {
            int slot = ActionSelection.Select(_tree, node);
            _game.Eliminate(_tree.ChildAction[slot]);
            int child = _tree.ChildNode[slot];
            if (child == SearchTree.Unvisited)
            {
                if (_tree.IsFull) return node;
                child = _tree.NewNode(node);
                _tree.ChildNode[slot] = child;
                return child;
            }
            node = child;
        }
        return node;
    }

    /// <summary>Writes the children of <paramref name="node"/> (the game stands at its state) from the prior; returns the prior's value.</summary>
    private double? Expand(int node)
    {
        if (_tree.Expanded[node] || _game.IsComplete) return null;
        int count = _game.Remaining.Length;
        _game.Remaining.CopyTo(_actions);
        double? estimate = _prior.Evaluate(_game, _actions.AsSpan(0, count), _logits.AsSpan(0, count));
        int next = _rollout.FirstInBest(_actions.AsSpan(0, count));
        for (int a = 0; a < count; a++)
        {
            if (_actions[a] == next) _logits[a] += IncumbentBonus;
        }
        int kept = KeepBest(count);
        var logits = _logits;
        var actions = _actions;
        int first = node * _tree.MaxChildren;
        double max = logits[_byLogit[0]], sum = 0;
        for (int c = 0; c < kept; c++) sum += Math.Exp(logits[_byLogit[c]] - max);
        for (int c = 0; c < kept; c++)
        {
            _tree.ChildAction[first + c] = actions[_byLogit[c]];
            _tree.ChildPrior[first + c] = (float)(Math.Exp(logits[_byLogit[c]] - max) / sum);
            _tree.ChildNode[first + c] = SearchTree.Unvisited;
        }
        _tree.ChildCount[node] = kept;
        _tree.Expanded[node] = true;
        return estimate;
    }

    // Puts the indices of the MaxChildren highest logits into _byLogit, best first; equal logits keep the
    // lower vertex id first, so the tree does not depend on the order of Remaining.
    private int KeepBest(int count)
    {
        int kept = 0;
        for (int a = 0; a < count; a++)
        {
            int at = kept < _tree.MaxChildren ? kept++ : kept;
            while (at > 0 && Before(a, _byLogit[at - 1]))
            {
                if (at < kept) _byLogit[at] = _byLogit[at - 1];
                at--;
            }
            if (at < kept) _byLogit[at] = a;
        }
        return kept;
    }

    private bool Before(int a, int b) => _logits[a] != _logits[b] ? _logits[a] > _logits[b] : _actions[a] < _actions[b];

    /// <summary>Adds <paramref name="value"/> (a return: the negative total cost) to every node from <paramref name="leaf"/> to the root.</summary>
    private void Backup(int leaf, double value)
    {
        _tree.MinReturn = Math.Min(_tree.MinReturn, value);
        _tree.MaxReturn = Math.Max(_tree.MaxReturn, value);
        for (int node = leaf; node != SearchTree.NoParent; node = _tree.Parent[node])
        {
            _tree.Visits[node]++;
            _tree.ReturnSum[node] += value;
            if (node == _tree.Root) break;
        }
    }

    // Eliminates the chosen move for good and keeps its subtree (or starts a fresh tree if it has none or the tree is full).
    private void Commit(int slot)
    {
        _game.Eliminate(_tree.ChildAction[slot]);
        int child = _tree.ChildNode[slot];
        if (child == SearchTree.Unvisited || _tree.IsFull)
        {
            double min = _tree.MinReturn, max = _tree.MaxReturn;
            _tree.Clear();
            _tree.MinReturn = min;
            _tree.MaxReturn = max;
        }
        else _tree.Root = child;
    }

    private void Consider(SearchRun run)
    {
        if (!_game.IsComplete || _game.Cost >= BestCost) return;
        BestCost = _game.Cost;
        Best = _game.Eliminated.ToArray();
        _rollout.Follow(Best);
        run.Offer(Best, BestCost);
    }
}
