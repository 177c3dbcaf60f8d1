using System.Diagnostics;
using Elim.Search.Game;

namespace Elim.Search.Perf;

/// <summary>Eliminations per second of the game on each example: random orders played and undone.</summary>
internal static class GameBenchmark
{
    public static void Run(TextWriter output)
    {
        output.WriteLine("| task | vertices | eliminable | model | eliminations/s (play + undo) |");
        output.WriteLine("|---|---:|---:|---|---:|");
        foreach (var (task, file, _) in Examples.Scalar)
        {
            var graph = Examples.Load(file);
            foreach (var model in new[] { CostModel.Markowitz, CostModel.Emitted })
            {
                var game = new EliminationGame(graph, model);
                var random = new Random(1);
                int[] order = [.. graph.EliminableVertices];
                long steps = 0;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(1))
                {
                    random.Shuffle(order);
                    foreach (int id in order) game.Eliminate(id);
                    game.Reset();
                    steps += order.Length;
                }
                output.WriteLine($"| {task} | {graph.VertexCount} | {order.Length} | {model} | {steps / clock.Elapsed.TotalSeconds:N0} |");
            }
        }
    }
}
