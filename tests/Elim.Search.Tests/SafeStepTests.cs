using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Search.Tests;

public class SafeStepTests
{
    [Fact]
    public void A_safe_step_starts_a_cheapest_way_to_finish()
    {
        int checkedStates = 0;
        for (int seed = 1; seed <= 400; seed++)
        {
            var graph = RandomGraphs.Create(seed, 1 + seed % 4, 6 + seed % 9);
            if (graph.EliminableVertices.Count is < 3 or > 9) continue;
            var game = new EliminationGame(graph);
            var safe = new SafeStep(game);
            foreach (int next in RandomGraphs.RandomOrder(graph, seed).VertexIds)
            {
                if (safe.Find() is > 0 and int v)
                {
                    long rest = ExactTests.BruteForceRest(game);
                    long step = game.Eliminate(v);
                    Assert.True(step + ExactTests.BruteForceRest(game) == rest, $"seed {seed}: eliminating {v} next does not finish cheapest");
                    game.Undo();
                    checkedStates++;
                }
                game.Eliminate(next);
            }
        }
        Assert.True(checkedStates > 100, $"only {checkedStates} states had a safe step");
    }

    [Fact]
    public void The_rule_is_off_where_a_vertex_reaches_no_output()
    {
        // v = sin(p) feeds the output y = v + p and b = v·p, which nothing reads: P(v) = {p}, and p already feeds both
        // of v's successors. Eliminating the dead end b first (free) leaves v one successor; eliminating v first pays for two.
        var builder = new GraphBuilder("dead_end");
        var x = builder.AddInput("x");
        var p = builder.Apply(OpKind.Sin, SourceSpan.None, x);
        var v = builder.Apply(OpKind.Sin, SourceSpan.None, p);
        builder.Apply(OpKind.Mul, SourceSpan.None, v, p);
        builder.MarkOutput("y", builder.Apply(OpKind.Add, SourceSpan.None, v, p));
        var graph = builder.Build();
        var game = new EliminationGame(graph);
        int vId = v.Index;
        Assert.Equal(0, game.FillIn(vId));
        Assert.Equal(1, game.PredecessorCount(vId));
        long rest = ExactTests.BruteForceRest(game);
        long step = game.Eliminate(vId);
        Assert.True(step + ExactTests.BruteForceRest(game) > rest);
        game.Undo();
        Assert.Equal(0, new SafeStep(game).Find());
    }

    [Fact]
    public void The_rule_is_off_under_the_emitted_cost_model()
    {
        for (int seed = 1; seed <= 50; seed++)
        {
            var game = new EliminationGame(RandomGraphs.Create(seed, 2, 12), CostModel.Emitted);
            Assert.Equal(0, new SafeStep(game).Find());
        }
    }
}
