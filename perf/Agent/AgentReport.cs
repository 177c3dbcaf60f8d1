using System.Diagnostics;
using System.Globalization;
using System.Text;
using Elim.Frontend;
using Elim.Graph;
using Elim.Search;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Priority;
using Elim.Search.Game;

namespace Elim.Agent.Perf;

/// <summary>A learned player: its greedy order (no search) and the search it guides.</summary>
/// <param name="Name">How the tables name its search.</param>
/// <param name="Greedy">Plays a fresh game of the graph to the end.</param>
/// <param name="GuidedSearch">The search the network guides, compared with annealing at the same budget.</param>
internal sealed record AgentPlayer(string Name, Action<EliminationGame> Greedy, ISearchMethod GuidedSearch)
{
    /// <summary>The alphazero network of <paramref name="modelPath"/>: one forward pass per step; MCTS with it as prior.</summary>
    public static AgentPlayer AlphaZero(string modelPath)
    {
        TorchSharp.torch.set_num_threads(1);
        var net = InferenceNetwork.Load(modelPath);
        return new("alphazero", game => GreedyPolicy.PlayOut(net, game),
            new AlphaZeroSearch(() => net, CostModel.Markowitz, Environment.ProcessorCount, useValue: false));
    }

    /// <summary>The priority network of <paramref name="modelPath"/>: greedy by priority; annealing warm-started by it.</summary>
    public static AgentPlayer Priority(string modelPath)
    {
        var net = PriorityNetwork.Load(modelPath);
        AgentMethods.Register(priorityModelPath: modelPath);
        return new("priority-anneal", game => PriorityPolicy.Play(net, game), SearchMethods.Create("priority-anneal"));
    }
}

/// <summary>
/// An agent's numbers on the five scalar tasks: the greedy order against the best of forward, reverse and
/// minimal Markowitz (with its time), and optionally the search it guides and simulated annealing at the same budget
/// against AlphaGrad's published best. Then the same on every other example, which training may have seen (all but
/// a held-out third of them), so the task column names the file there.
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

    /// <summary>Prints the rows; with <paramref name="outDirectory"/>, also writes agent-results.csv and agent-table.md there.</summary>
    public static int Run(AgentPlayer player, double searchSeconds, string? outDirectory)
    {
        // Results already there (perf/results holds the committed ones) are not overwritten by a plain run.
        string[] results = ["agent-results.csv", "agent-table.md"];
        if (outDirectory is not null && results.FirstOrDefault(name => File.Exists(Path.Combine(outDirectory, name))) is { } existing)
        {
            Console.Error.WriteLine($"error: '{outDirectory}' already holds {existing}; give another folder, or move the results away first.");
            return 64;
        }
        string root = FindRoot();
        var csv = new StringBuilder($"task,forward,reverse,min_markowitz,best_standard,greedy,greedy_ms_wall,greedy_ms_cpu,{player.Name},anneal,alphagrad,budget_s\n");
        var rows = new List<string>();
        var others = Directory.GetFiles(Path.Combine(root, "examples"), "*.elim")
            .Select(Path.GetFileName).Where(f => Tasks.All(t => t.File != f)).Order(StringComparer.Ordinal)
            .Select(f => (File: f!, Task: Path.GetFileNameWithoutExtension(f)!, AlphaGrad: 0L));
        foreach (var (file, task, alphaGrad) in Tasks.Concat(others))
        {
            var graph = ElimFrontend.CompileFile(Path.Combine(root, "examples", file));
            long forward = MarkowitzCost.Of(graph, StandardOrders.Forward(graph));
            long reverse = MarkowitzCost.Of(graph, StandardOrders.Reverse(graph));
            long markowitz = MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph));
            long standard = Math.Min(forward, Math.Min(reverse, markowitz));
            // The greedy policy itself, not the search method: that refuses graphs over its size limit.
            EliminationGame Play()
            {
                var game = new EliminationGame(graph, CostModel.Markowitz);
                player.Greedy(game);
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
            string guided = "", anneal = "";
            if (searchSeconds > 0)
            {
                var budget = SearchBudget.OfTime(TimeSpan.FromSeconds(searchSeconds));
                var sa = SearchMethods.Create("anneal").Search(graph, budget, 1, null, default);
                try { guided = player.GuidedSearch.Search(graph, budget, 1, null, default).Cost.ToString(CultureInfo.InvariantCulture); }
                catch (SearchUnavailableException) { guided = "too big"; }
                anneal = sa.Cost.ToString(CultureInfo.InvariantCulture);
            }
            string line = $"{task},{forward},{reverse},{markowitz},{standard},{greedy.Cost},{greedyMs.ToString("F1", CultureInfo.InvariantCulture)},{greedyCpuMs.ToString("F1", CultureInfo.InvariantCulture)},{guided},{anneal},{alphaGrad},{searchSeconds}";
            Console.WriteLine(line);
            csv.AppendLine(line);
            rows.Add(line);
        }
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            File.WriteAllText(Path.Combine(outDirectory, "agent-results.csv"), csv.ToString());
            File.WriteAllText(Path.Combine(outDirectory, "agent-table.md"), Table(rows, player.Name, searchSeconds));
        }
        return 0;
    }

    // The CSV rows as a Markdown table, with the verdicts spelled out.
    private static string Table(List<string> rows, string search, double seconds)
    {
        var md = new StringBuilder();
        md.AppendLine($"| task | fwd | rev | min. Markowitz | best standard | greedy | greedy ms (wall / CPU) | {search} {seconds:0} s | anneal {seconds:0} s | AlphaGrad |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var f = row.Split(',');
            md.AppendLine($"| {f[0]} | {f[1]} | {f[2]} | {f[3]} | {f[4]} | {f[5]}{Verdict(f[5], f[4])} | {f[6]} / {f[7]} | {f[8]}{Verdict(f[8], f[9])} | {f[9]} | {f[10]} |");
        }
        return md.ToString();
    }

    // How a cost compares with the one it has to beat (nothing where either is missing).
    private static string Verdict(string cost, string bar) =>
        !long.TryParse(cost, CultureInfo.InvariantCulture, out long c) || !long.TryParse(bar, CultureInfo.InvariantCulture, out long b) ? ""
        : c < b ? " (better)" : c == b ? " (equal)" : " (worse)";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Elim.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Run from inside the repository (Elim.sln not found).");
    }
}
