using System.Text;
using Elim.Frontend;
using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;
using Elim.Testing;

namespace Elim.Search.Tests;

/// <summary>
/// Every standard heuristic's order and cost on fixed graphs, pinned in tests/data/heuristic-orders.txt: a faster
/// game or queue must not change a single choice, tie-breaking included. Each line is the graph, the cost model, the
/// heuristic, the cost and an FNV-1a hash of the order. After a deliberate change of the rules, run the test once
/// with ELIM_WRITE_GOLDEN=1 to rewrite the file, and review its diff.
/// </summary>
public class HeuristicGoldenTests
{
    private const string GoldenFile = "tests/data/heuristic-orders.txt";

    [Fact]
    public void Every_heuristic_plays_the_pinned_order_on_every_pinned_graph()
    {
        var actual = new StringBuilder();
        foreach (var (name, graph) in Graphs())
        {
            foreach (var model in new[] { CostModel.Markowitz, CostModel.Emitted })
            {
                foreach (var heuristic in StandardHeuristics.All)
                {
                    var game = new EliminationGame(graph, model);
                    Assert.True(heuristic.Play(game, () => false));
                    actual.Append($"{name} {model} {heuristic.Name} {game.Cost} {Fnv1a(game.Eliminated):x16}\n");
                }
            }
        }
        string path = Repository.PathOf(GoldenFile);
        if (Environment.GetEnvironmentVariable("ELIM_WRITE_GOLDEN") == "1") File.WriteAllText(path, actual.ToString());
        // Line by line, so that a failure names the first graph and heuristic that changed.
        Assert.Equal(File.ReadAllLines(path), actual.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static IEnumerable<(string Name, ComputationalGraph Graph)> Graphs()
    {
        foreach (var task in PaperTask.All) yield return (task.Name, ElimFrontend.CompileFile(Repository.Example(task.File)));
        foreach (int seed in new[] { 1, 2, 3 }) yield return ($"random-{seed}", RandomGraphs.Create(seed, 1 + seed, 150 + 50 * seed));
        foreach (int statements in new[] { 300, 1500 })
            yield return ($"big-program-{statements}", ElimFrontend.Compile(RandomBigPrograms.Generate(statements, seed: 1), "big.elim"));
    }

    private static ulong Fnv1a(ReadOnlySpan<int> order)
    {
        ulong hash = 14695981039346656037;
        foreach (int id in order) hash = (hash ^ (uint)id) * 1099511628211;
        return hash;
    }
}
