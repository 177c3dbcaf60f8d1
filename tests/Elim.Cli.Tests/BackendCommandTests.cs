using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Elim.Cli.Bench;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary><c>eval --backend</c>, <c>compile</c> and <c>bench</c>.</summary>
public sealed class BackendCommandTests : IDisposable
{
    private const string RoePoint = "0.01,0.02,0.02,0.01,0.03,0.03";
    private static readonly string Roe = Repository.Example("roe_flux_1d");
    private readonly string _directory = Directory.CreateTempSubdirectory("elim-cli-backend-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EvalGivesTheSameNumbersOnBothBackends()
    {
        var il = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--json").WithoutStackTrace().Output)!;
        var interpreter = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--backend", "interpreter", "--json").Output)!;
        Assert.Equal(interpreter["values"]!.ToJsonString(), il["values"]!.ToJsonString());
        Assert.Equal(interpreter["jacobian"]!.ToJsonString(), il["jacobian"]!.ToJsonString());
        var bad = CliRun.Of("eval", Roe, "--at", RoePoint, "--backend", "gpu").WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, bad.ExitCode);
        Assert.Contains("--backend 'gpu' is neither il nor interpreter.", bad.Error);
    }

    [Fact]
    public void CompileWritesAnAssemblyAndRefusesToOverwriteWithoutForce()
    {
        string path = Path.Combine(_directory, "Roe.dll");
        var run = CliRun.Of("compile", Roe, "--order", "rev", "--out", path).WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("emitted cost 230, Markowitz cost 364", run.Output);

        // From bytes, and unloaded before the directory is deleted (see Elim.Backend.Tests' ExportTests).
        var context = new AssemblyLoadContext("roe", isCollectible: true);
        var unloaded = new WeakReference(context);
        try
        {
            using var image = new MemoryStream(File.ReadAllBytes(path));
            var type = context.LoadFromStream(image).GetType("Elim.Exported.roe_flux_1d")!;
            var outputs = new double[3];
            var jacobian = new double[18];
            type.GetMethod("Jacobian", BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, [PaperTask.Named("RoeFlux_1d").TypicalPoint, outputs, jacobian]);
            var eval = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--order", "rev", "--json").Output)!;
            Assert.Equal(eval["values"]!.AsArray().Select(v => (double)v!), outputs);
        }
        finally
        {
            context.Unload();
        }
        WaitForUnload(unloaded);

        var again = CliRun.Of("compile", Roe, "--out", path).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, again.ExitCode);
        Assert.Contains("exists; pass --force", again.Error);
        Assert.Equal(0, CliRun.Of("compile", Roe, "--out", path, "--force", "--order", "markowitz").ExitCode);
    }

    private static void WaitForUnload(WeakReference context)
    {
        for (int i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [Fact]
    public void BenchReportsEveryContenderAsJson()
    {
        var run = CliRun.Of("bench", Roe, "--batch", "37", "--threads", "2", "--json").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(37, (int)json["batch"]!);
        Assert.Equal(2, (int)json["threads"]!);
        Assert.False(string.IsNullOrEmpty((string?)json["bestOrder"]), "bench says which order elim-best compiles");
        var results = json["results"]!.AsArray();
        Assert.Equal(["elim-forward", "elim-reverse", "elim-markowitz", "elim-best", "elim-best-soa", "interpreter", "primal"],
            results.Select(r => (string)r!["contender"]!));
        // TorchSharp is not part of the elim tool: its contender is noted as skipped (elim-torch times it).
        Assert.Equal("torchsharp", (string)json["skipped"]!.AsArray().Single()!["contender"]!);
        Assert.All(results, r => Assert.True((double)r!["secondsPerPoint"]! > 0));
        Assert.All(results, r => Assert.InRange((double)r!["secondsPerPoint"]!, (double)r["minSecondsPerPoint"]!, (double)r["maxSecondsPerPoint"]!));
        Assert.All(results, r => Assert.True((int)r!["samples"]! >= 5));
    }

    [Fact]
    public void BenchTimesGroupsOfCallsInClockTicksAndReportsTheSpread()
    {
        long calls = 0;
        var timing = BenchTimer.Measure(() => calls++, minimumSeconds: 0.05);
        // An empty call takes about a nanosecond: a group of one call would read 0 or 100 ns on a TimeSpan's clock.
        Assert.True(timing.CallsPerSample > 1000, $"{timing.CallsPerSample} calls per sample");
        Assert.InRange(timing.Median, timing.Min, timing.Max);
        Assert.InRange(timing.Median, 1e-12, 1e-7);
        Assert.True(timing.Samples >= 5);
    }

    [Fact]
    public void BenchSizesItsGroupsFromWarmCalls()
    {
        // The first calls are slow (as cold code is): a group sized on them would hold a handful of calls.
        long calls = 0;
        var timing = BenchTimer.Measure(() =>
        {
            if (calls++ >= 10) return;
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency / 50_000;  // 20 µs
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until) { }
        }, minimumSeconds: 0.05);
        // Sized on the cold calls a group holds 4; on warm ones thousands, fewer only when the machine preempts the
        // doubling (512 seen with both cores busy), hence the low bar.
        Assert.True(timing.CallsPerSample > 64, $"{timing.CallsPerSample} calls per sample");
    }

    [Fact]
    public void BenchRejectsBadBatchesAndUnknownContenders()
    {
        Assert.Contains("--batch '0' is not a positive whole number.", CliRun.Of("bench", Roe, "--batch", "0").Error);
        Assert.Contains("Missing --batch", CliRun.Of("bench", Roe).Error);
        var run = CliRun.Of("bench", Roe, "--batch", "8", "--only", "elim-sideways").WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Contains("unknown contender 'elim-sideways'", run.Error);
        var torch = CliRun.Of("bench", Roe, "--batch", "8", "--only", "torchsharp").WithoutStackTrace();
        Assert.Equal(CommandLine.UnavailableError, torch.ExitCode);
        Assert.Contains("torchsharp: TorchSharp is not part of the elim tool; 'elim-torch bench' times it", torch.Error);
    }
}
