using System.Diagnostics;
using Elim.Search.Exact;
using Elim.Search.Game;

namespace Elim.Search.Perf;

/// <summary>The root lower bounds on the paper's scalar tasks: the connectivity bound and the group-cut bound per group size, with times.</summary>
internal static class BoundReport
{
    public static void Run(IEnumerable<int> groupSizes, int kicks, TextWriter output)
    {
        output.WriteLine("| task | connectivity | " + string.Join(" | ", groupSizes.Select(k => $"groups of {k} (time)")) + " | strongest of " +
            string.Join(",", GroupCutBound.SearchedGroupSizes) + $", {kicks} kicks (time) |");
        output.WriteLine("|---|---|" + string.Concat(groupSizes.Select(_ => "---|")) + "---|");
        foreach (var (task, file, _) in Examples.Scalar)
        {
            var game = new EliminationGame(Examples.Load(file));
            var cells = new List<string> { task, ConnectivityBound.Of(game).Total.ToString() };
            foreach (int k in groupSizes)
            {
                var clock = Stopwatch.StartNew();
                var bound = GroupCutBound.Of(game, k);
                cells.Add($"{bound.Remaining(bound.GoneMembers(game))} ({clock.Elapsed.TotalSeconds:F1} s)");
            }
            var strongest = Stopwatch.StartNew();
            var best = GroupCutBound.Strongest(game, GroupCutBound.SearchedGroupSizes, kicks: kicks);
            cells.Add($"{best.Remaining(best.GoneMembers(game))} ({strongest.Elapsed.TotalSeconds:F1} s)");
            output.WriteLine("| " + string.Join(" | ", cells) + " |");
        }
    }
}
