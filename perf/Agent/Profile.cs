using System.Diagnostics;
using Elim.Frontend;
using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;
using static TorchSharp.torch;

namespace Elim.Agent.Perf;

/// <summary>Where a greedy step's time goes: features, batching, forward pass (per call, on RoeFlux_1d's start).</summary>
internal static class Profile
{
    public static int Run(string modelPath, string example)
    {
        set_num_threads(1);
        var net = ModelFile.Load(modelPath);
        var game = new EliminationGame(ElimFrontend.CompileFile(example));
        var observation = GraphFeatures.Observe(game);
        Time("observe", () => GraphFeatures.Observe(game));
        Time("batch", () => { using var b = GraphBatch.Of([observation]); });
        using var batch = GraphBatch.Of([observation]);
        Time("forward", () => { using var s = NewDisposeScope(); using var g = no_grad(); net.Forward(batch); });
        Time("evaluate", () => NetworkEvaluator.Evaluate(net, observation));
        var fast = net.ToInference();
        Time("inference network", () => fast.Evaluate(observation));
        return 0;
    }

    private static void Time(string name, Action action)
    {
        for (int i = 0; i < 20; i++) action();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        const int n = 200;
        for (int i = 0; i < n; i++) action();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{name}: {clock.Elapsed.TotalMicroseconds / n:F0} µs wall, {cpuUsed.TotalMicroseconds / n:F0} µs CPU");
    }
}
