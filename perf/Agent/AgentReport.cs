using System.Diagnostics;
using System.Globalization;
using System.Text;
using Elim.Frontend;
using Elim.Graph;
using Elim.Search;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Agent.Perf;

/// <summary>
/// The agent's numbers on the five scalar tasks: the greedy order against the best of forward, reverse and
/// minimal Markowitz (with its time), and optionally alphazero and simulated annealing at the same budget
/// against AlphaGrad's published best. Greedy alone (no search budget) also runs on every other example, which
/// training may have seen (all but a held-out third of them), so the task column names the file there.
/// </summary>
internal static class AgentReport
{
    private static readonly (string File, string Task, long AlphaGrad)[] Tasks =
    [
        ("roe_flux_1d.elim", "RoeFlux_1d", 320),
        ("robot_arm_6dof.elim", "RobotArm_6DOF", 231),
        ("human_heart_dipole.elim", "HumanHeartDipole", 148),
        ("propane_combustion.elim", "PropaneCombustion", 88),
        ("g.elim", "g", 416),
    ];

    public static int Run(string modelPath, double searchSeconds, bool write)
    {
        TorchSharp.torch.set_num_threads(1);
        var net = InferenceNetwork.Load(modelPath);
        string root = FindRoot();
        var csv = new StringBuilder("task,forward,reverse,min_markowitz,best_standard,greedy,greedy_ms_wall,greedy_ms_cpu,alphazero,anneal,alphagrad,budget_s\n");
        var rows = new List<string>();
        var others = searchSeconds > 0 ? [] : Directory.GetFiles(Path.Combine(root, "examples"), "*.elim")
            .Select(Path.GetFileName).Where(f => Tasks.All(t => t.File != f)).Order(StringComparer.Ordinal)
            .Select(f => (File: f!, Task: Path.GetFileNameWithoutExtension(f)!, AlphaGrad: 0L));
        foreach (var (file, task, alphaGrad) in Tasks.Concat(others))
        {
            var graph = ElimFrontend.CompileFile(Path.Combine(root, "examples", file));
            long forward = MarkowitzCost.Of(graph, StandardOrders.Forward(graph));
            long reverse = MarkowitzCost.Of(graph, StandardOrders.Reverse(graph));
            long markowitz = MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph));
            long standard = Math.Min(forward, Math.Min(reverse, markowitz));
            // The greedy policy itself, not the alphazero-greedy method: that refuses graphs over its size limit (the encoder).
            EliminationGame Play()
            {
                var game = new EliminationGame(graph, CostModel.Markowitz);
                GreedyPolicy.PlayOut(net, game);
                return game;
            }
            Play();   // warm-up
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            int repeats = 0;
            EliminationGame greedy;
            do { greedy = Play(); repeats++; } while (repeats < 10 && clock.Elapsed.TotalSeconds < 2);
            double greedyMs = clock.Elapsed.TotalMilliseconds / repeats;
            double greedyCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / repeats;
            if (MarkowitzCost.Of(graph, new EliminationOrder(greedy.Eliminated.ToArray())) != greedy.Cost)
                throw new InvalidOperationException("Greedy cost does not match the reference.");
            string alphaZero = "", anneal = "";
            if (searchSeconds > 0)
            {
                var budget = SearchBudget.OfTime(TimeSpan.FromSeconds(searchSeconds));
                var az = new AlphaZeroSearch(() => net, CostModel.Markowitz, Environment.ProcessorCount, useValue: false).Search(graph, budget, 1, null, default);
                var sa = SearchMethods.Create("anneal").Search(graph, budget, 1, null, default);
                alphaZero = az.Cost.ToString(CultureInfo.InvariantCulture);
                anneal = sa.Cost.ToString(CultureInfo.InvariantCulture);
            }
            string line = $"{task},{forward},{reverse},{markowitz},{standard},{greedy.Cost},{greedyMs.ToString("F1", CultureInfo.InvariantCulture)},{greedyCpuMs.ToString("F1", CultureInfo.InvariantCulture)},{alphaZero},{anneal},{alphaGrad},{searchSeconds}";
            Console.WriteLine(line);
            csv.AppendLine(line);
            rows.Add(line);
        }
        if (write)
        {
            File.WriteAllText(Path.Combine(root, "perf", "results", "agent-results.csv"), csv.ToString());
            File.WriteAllText(Path.Combine(root, "perf", "results", "agent-table.md"), Table(rows, searchSeconds));
        }
        return 0;
    }

    // The CSV rows as a Markdown table, with the verdicts spelled out.
    private static string Table(List<string> rows, double seconds)
    {
        var md = new StringBuilder();
        md.AppendLine($"| task | fwd | rev | min. Markowitz | best standard | greedy | greedy ms (wall / CPU) | alphazero {seconds:0} s | anneal {seconds:0} s | AlphaGrad |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var f = row.Split(',');
            string greedyVerdict = long.Parse(f[5], CultureInfo.InvariantCulture) < long.Parse(f[4], CultureInfo.InvariantCulture) ? " (better)" : " (not better)";
            md.AppendLine($"| {f[0]} | {f[1]} | {f[2]} | {f[3]} | {f[4]} | {f[5]}{greedyVerdict} | {f[6]} / {f[7]} | {f[8]} | {f[9]} | {f[10]} |");
        }
        return md.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Elim.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Run from inside the repository (Elim.sln not found).");
    }
}
