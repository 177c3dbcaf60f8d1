using Elim.Graph;
using Elim.Search;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Search.Tests;

public class GameTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    private static ComputationalGraph Graph(int seed) => RandomGraphs.Create(seed, 2 + seed % 5, 5 + seed * 3 % 70);

    [Theory, MemberData(nameof(Seeds))]
    public void Step_costs_and_degrees_match_the_reference_eliminator(int seed)
    {
        var graph = Graph(seed);
        var order = RandomGraphs.RandomOrder(graph, seed);
        var game = new EliminationGame(graph);
        var reference = new Eliminator(graph);
        foreach (int id in order.VertexIds)
        {
            foreach (int other in game.Remaining) Assert.Equal(reference.MarkowitzDegree(other), game.MarkowitzDegree(other));
            Assert.Equal(reference.Eliminate(id), game.Eliminate(id));
        }
        Assert.True(game.IsComplete);
        Assert.Equal(MarkowitzCost.Of(graph, order), game.Cost);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Neighbour_degree_change_equals_eliminating_and_undoing(int seed)
    {
        var graph = Graph(seed);
        var order = RandomGraphs.RandomOrder(graph, seed + 500);
        var game = new EliminationGame(graph);
        foreach (int next in order.VertexIds)
        {
            foreach (int id in game.Remaining.ToArray()) Assert.Equal(MeasuredChange(game, id), game.NeighbourDegreeChange(id));
            game.Eliminate(next);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void One_pass_fill_in_and_degree_change_equal_the_separate_ones(int seed)
    {
        var graph = Graph(seed);
        var game = new EliminationGame(graph);
        foreach (int next in RandomGraphs.RandomOrder(graph, seed + 700).VertexIds)
        {
            foreach (int id in game.Remaining.ToArray())
                Assert.Equal((game.FillIn(id), MeasuredChange(game, id)), game.FillInAndNeighbourDegreeChange(id));
            game.Eliminate(next);
        }
    }

    /// <summary>The summed degrees of the remaining vertices other than <paramref name="id"/>, after eliminating it minus before.</summary>
    private static long MeasuredChange(EliminationGame game, int id)
    {
        long before = game.Remaining.ToArray().Where(other => other != id).Sum(game.MarkowitzDegree);
        game.Eliminate(id);
        long after = game.Remaining.ToArray().Sum(game.MarkowitzDegree);
        game.Undo();
        return after - before;
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Undo_restores_the_state_exactly(int seed)
    {
        var graph = Graph(seed);
        var order = RandomGraphs.RandomOrder(graph, seed + 1000);
        foreach (var model in new[] { CostModel.Markowitz, CostModel.Emitted })
        {
            var game = new EliminationGame(graph, model);
            var snapshots = new List<(long[] Edges, int[] Counts, int[] Remaining, long Cost, int Depth)>();
            foreach (int id in order.VertexIds)
            {
                snapshots.Add(game.Snapshot());
                game.Eliminate(id);
            }
            for (int step = snapshots.Count - 1; step >= 0; step--)
            {
                game.Undo();
                var expected = snapshots[step];
                var actual = game.Snapshot();
                Assert.Equal(expected.Edges, actual.Edges);
                Assert.Equal(expected.Counts, actual.Counts);
                Assert.Equal(expected.Remaining, actual.Remaining);
                Assert.Equal(expected.Cost, actual.Cost);
                Assert.Equal(expected.Depth, actual.Depth);
            }
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Emitted_cost_matches_a_plain_reference_and_never_exceeds_markowitz(int seed)
    {
        var graph = Graph(seed);
        var order = RandomGraphs.RandomOrder(graph, seed + 7);
        var game = new EliminationGame(graph, CostModel.Emitted);
        var reference = new ReferenceEmittedCost(graph);
        var markowitz = new Eliminator(graph);
        foreach (int id in order.VertexIds)
        {
            long step = game.Eliminate(id);
            Assert.Equal(reference.Eliminate(id), step);
            Assert.True(step <= markowitz.Eliminate(id));
        }
    }

    [Fact]
    public void Unit_partials_are_plus_or_minus_one_at_random_points()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = Graph(seed);
            var unit = UnitPartials.Of(graph);
            var partials = Interpreter.LocalPartials(graph, Interpreter.EvaluateNodes(graph, RandomGraphs.RandomPoint(graph, seed)));
            for (int e = 0; e < unit.Length; e++)
            {
                if (unit[e]) Assert.Equal(1.0, Math.Abs(partials[e]));
            }
            Assert.Contains(true, unit);
        }
    }

    [Fact]
    public void Eliminate_and_undo_do_not_allocate_once_warm()
    {
        var graph = RandomGraphs.Create(9, 5, 80);
        int[] order = [.. RandomGraphs.RandomOrder(graph, 9).VertexIds];
        foreach (var model in new[] { CostModel.Markowitz, CostModel.Emitted })
        {
            var game = new EliminationGame(graph, model);
            void Play()
            {
                foreach (int id in order) game.Eliminate(id);
                game.Reset();
            }
            Play(); // the trail grows to its working size
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++) Play();
            Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        }
    }

    [Theory]
    [InlineData(CostModel.Markowitz)]
    [InlineData(CostModel.Emitted)]
    public void A_reset_after_a_whole_order_loads_the_start_and_plays_like_a_new_game(CostModel model)
    {
        // A whole order's trail is longer than the graph, so Reset loads the start instead of undoing step by step.
        var graph = RandomGraphs.Create(9, 5, 80);
        int[] order = [.. RandomGraphs.RandomOrder(graph, 9).VertexIds];
        var game = new EliminationGame(graph, model);
        foreach (int id in order) game.Eliminate(id);
        game.Reset();
        var fresh = new EliminationGame(graph, model);
        Assert.Equal((0, 0L), (game.Depth, game.Cost));
        Assert.Equal(fresh.Remaining.ToArray(), game.Remaining.ToArray());
        foreach (int id in order.Reverse())
        {
            Assert.Equal(fresh.MarkowitzDegree(id), game.MarkowitzDegree(id));
            Assert.Equal(fresh.Eliminate(id), game.Eliminate(id));
        }
        game.UndoTo(order.Length / 2);
        fresh.UndoTo(order.Length / 2);
        Assert.Equal(fresh.Cost, game.Cost);
        Assert.Equal(fresh.Remaining.ToArray(), game.Remaining.ToArray());
    }

    [Fact]
    public void Eliminating_twice_or_an_unknown_vertex_is_refused()
    {
        var graph = Graph(3);
        var game = new EliminationGame(graph);
        int first = graph.EliminableVertices[0];
        game.Eliminate(first);
        Assert.True(game.IsEliminated(first));
        Assert.Throws<InvalidOperationException>(() => game.Eliminate(first));
        Assert.Throws<InvalidOperationException>(() => game.Eliminate(graph.VertexCount + 1));
        game.Undo();
        Assert.False(game.IsEliminated(first));
        Assert.Throws<InvalidOperationException>(() => game.Undo());
    }

    [Fact]
    public void Fill_in_counts_the_new_edges()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = Graph(seed);
            var game = new EliminationGame(graph);
            foreach (int id in RandomGraphs.RandomOrder(graph, seed).VertexIds)
            {
                long edgesBefore = EdgeCount(game);
                long fill = game.FillIn(id);
                long degree = game.MarkowitzDegree(id);
                int p = game.PredecessorCount(id), s = game.SuccessorCount(id);
                game.Eliminate(id);
                long removed = s + (graph.IsOutput(id) ? 0 : p);
                Assert.Equal(edgesBefore + fill - removed, EdgeCount(game));
                Assert.InRange(fill, 0, degree);
            }
        }
    }

    private static long EdgeCount(EliminationGame game)
    {
        long edges = 0;
        for (int node = 0; node < game.Graph.NodeCount; node++)
        {
            int id = game.VertexIdOf(node);
            if (id > 0) edges += game.PredecessorCount(id);
        }
        return edges;
    }

    /// <summary>A dictionary-based emitted-cost eliminator written straight from the definition.</summary>
    private sealed class ReferenceEmittedCost
    {
        private readonly ComputationalGraph _graph;
        private readonly Dictionary<int, bool>[] _in;   // predecessor → edge is unit
        private readonly HashSet<int>[] _out;

        public ReferenceEmittedCost(ComputationalGraph graph)
        {
            _graph = graph;
            _in = new Dictionary<int, bool>[graph.NodeCount];
            _out = new HashSet<int>[graph.NodeCount];
            for (int i = 0; i < graph.NodeCount; i++) { _in[i] = []; _out[i] = []; }
            var unit = UnitPartials.Of(graph);
            for (int e = 0; e < graph.Edges.Count; e++)
            {
                _in[graph.Edges[e].Target][graph.Edges[e].Source] = unit[e];
                _out[graph.Edges[e].Source].Add(graph.Edges[e].Target);
            }
        }

        public long Eliminate(int vertexId)
        {
            int k = _graph.NodeOf(vertexId);
            long cost = 0;
            foreach (int j in _out[k])
            {
                bool unitJK = _in[j][k];
                _in[j].Remove(k);
                foreach (var (i, unitKI) in _in[k])
                {
                    if (!unitJK && !unitKI) cost++;
                    _in[j][i] = !_in[j].ContainsKey(i) && unitJK && unitKI;
                    _out[i].Add(j);
                }
            }
            _out[k].Clear();
            if (!_graph.IsOutput(vertexId))
            {
                foreach (int i in _in[k].Keys) _out[i].Remove(k);
                _in[k].Clear();
            }
            return cost;
        }
    }
}
