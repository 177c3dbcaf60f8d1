using Elim.Search.Local;

namespace Elim.Search.Perf;

/// <summary>
/// Tries annealing schedules on the open tasks (those whose bound is not yet met), for tuning. On the shared
/// 2-core machine every schedule from (1, 0.05) to (5, 0.2) reached RoeFlux_1d 295 and g 409 in 10–15 s;
/// hotter ones did worse. Later, starting at 0.5 did better than 2 on the bigger examples (encoder, f), worse on
/// newton_step, and became the default (<see cref="AnnealingSchedule.Default"/>).
/// </summary>
internal static class TuneAnnealing
{
    public static void Run(TimeSpan time, TextWriter output)
    {
        AnnealingSchedule[] schedules =
        [
            new(0.5, 0.05, 4000), new(2.0, 0.05, 4000), new(5.0, 0.2, 4000), new(8.0, 0.5, 16000), new(4.0, 0.1, 40000),
        ];
        foreach (var schedule in schedules)
        {
            var costs = new List<string>();
            foreach (var (task, file, _) in Examples.Scalar.Where(t => t.Task is "RoeFlux_1d" or "g"))
            {
                var graph = Examples.Load(file);
                for (int seed = 1; seed <= 2; seed++)
                {
                    var result = new SimulatedAnnealing(CostModel.Markowitz, 2, schedule)
                        .Search(graph, SearchBudget.OfTime(time), seed, null, CancellationToken.None);
                    costs.Add($"{task}/{seed}={result.Cost}");
                }
            }
            output.WriteLine($"{schedule}: {string.Join(" ", costs)}");
        }
    }
}
