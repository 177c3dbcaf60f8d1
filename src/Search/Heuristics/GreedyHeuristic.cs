using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// A greedy elimination heuristic: repeatedly eliminate the remaining vertex with the lexicographically
/// smallest scores, ties going to the lowest id (or the highest, for the reverse tie-break chain).
/// Scores sit in an indexed heap; after a step only the vertices within the scores' reach of the vertex
/// eliminated are scored again, and move in the heap when their score changed. So a step costs its
/// neighbourhood, not a scan of every vertex.
/// </summary>
internal sealed class GreedyHeuristic : IHeuristic
{
    /// <summary>
    /// Where scores that reach two steps stop being worth starting. Each step rescores the neighbours' neighbours,
    /// and the last few thousand steps of a big sparse graph play on a dense core where that is most of the vertices
    /// left, each scored in O(|P|·|S|): at 10⁴ eliminable vertices such a heuristic takes 0.4–2 s, at 10⁵ none
    /// finished in 30 s.
    /// </summary>
    public const int ReachTwoMaxEliminable = 20_000;

    private readonly bool _highestIdWins;
    private readonly Func<IVertexScore>[] _criteria;

    public GreedyHeuristic(string name, bool highestIdWins, params Func<IVertexScore>[] criteria)
    {
        if (criteria.Length is < 1 or > 2) throw new ArgumentException("A greedy heuristic takes one or two criteria.", nameof(criteria));
        Name = name;
        _highestIdWins = highestIdWins;
        _criteria = criteria;
    }

    public string Name { get; }

    public int MaxEliminable => CreateCriteria().Max(s => s.Reach) == 1 ? int.MaxValue : ReachTwoMaxEliminable;

    /// <summary>Whether ties go to the highest id.</summary>
    public bool HighestIdWins => _highestIdWins;

    /// <summary>Fresh instances of the criteria, most important first.</summary>
    public IVertexScore[] CreateCriteria() => Array.ConvertAll(_criteria, create => create());

    public bool Play(EliminationGame game, Func<bool> outOfTime)
    {
        var scores = CreateCriteria();
        foreach (var score in scores) score.Prepare(game);
        var neighbourhood = new Neighbourhood(game, scores.Max(s => s.Reach));
        var heap = new IndexedHeap<Key>(game.Graph.VertexCount);
        void Rescore(int id) =>
            heap.Set(id, new Key(scores[0].Score(game, id), scores.Length > 1 ? scores[1].Score(game, id) : 0, _highestIdWins ? -id : id));
        foreach (int id in game.Remaining)
        {
            if (outOfTime()) return false;
            Rescore(id);
        }
        while (!game.IsComplete)
        {
            if (outOfTime()) return false;      // every step: a step with reach 2 near a hub can take milliseconds
            foreach (int id in neighbourhood.Eliminate(heap.Pop()))
            {
                if (game.IsEliminable(id) && !game.IsEliminated(id)) Rescore(id);
            }
        }
        return true;
    }

    /// <summary>Scores in criteria order, then the id (negated when the highest id wins); compared lexicographically.</summary>
    private readonly record struct Key(long First, long Second, int Tie) : IComparable<Key>
    {
        public int CompareTo(Key other) =>
            First != other.First ? First.CompareTo(other.First)
            : Second != other.Second ? Second.CompareTo(other.Second)
            : Tie.CompareTo(other.Tie);
    }
}
