using System.Text.Json.Nodes;
using Elim.Gpu.Devices;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary><c>--device</c> of <c>eval</c> and <c>bench</c>: ILGPU's CPU accelerator, and CUDA falling back to the CPU backend without a GPU.</summary>
public sealed class DeviceOptionTests
{
    private const string RoePoint = "0.01,0.02,0.02,0.01,0.03,0.03";
    private static readonly string Roe = Repository.Example("roe_flux_1d");

    [Fact]
    public void EvalOnTheIlgpuCpuAcceleratorGivesTheCpuBackendsNumbers()
    {
        var cpu = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--json").Output)!;
        var run = CliRun.Of("eval", Roe, "--at", RoePoint, "--device", "ilgpu-cpu", "--json").WithoutStackTrace();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var kernel = JsonNode.Parse(run.Output)!;
        Assert.Equal(cpu["values"]!.ToJsonString(), kernel["values"]!.ToJsonString());
        Assert.Equal(cpu["jacobian"]!.ToJsonString(), kernel["jacobian"]!.ToJsonString());
    }

    [Fact]
    public void EvalOnCudaUsesTheGpuOrSaysItFellBackToTheCpu()
    {
        var cpu = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--json").Output)!;
        var run = CliRun.Of("eval", Roe, "--at", RoePoint, "--device", "cuda", "--json").WithoutStackTrace();

        Assert.Equal(0, run.ExitCode);
        if (GpuDevices.IsCudaAvailable()) Assert.Equal("", run.Error);
        else Assert.Matches(@"^elim: No CUDA device available \(.+\); using the CPU backend instead\.\r?\n$", run.Error);
        Assert.Equal(cpu["values"]!.AsArray().Count, JsonNode.Parse(run.Output)!["values"]!.AsArray().Count);
    }

    [Fact]
    public void UnknownDevicesAndInterpreterOnADeviceAreUsageErrors()
    {
        var unknown = CliRun.Of("eval", Roe, "--at", RoePoint, "--device", "tpu").WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, unknown.ExitCode);
        Assert.Contains("--device 'tpu' is not one of cpu, ilgpu-cpu, cuda.", unknown.Error);

        var interpreter = CliRun.Of("eval", Roe, "--at", RoePoint, "--backend", "interpreter", "--device", "ilgpu-cpu").WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, interpreter.ExitCode);
        Assert.Contains("--device ilgpu-cpu runs compiled code; it does not apply to --backend interpreter.", interpreter.Error);
    }

    [Fact]
    public void BenchOnADeviceAddsTheKernelAsAContender()
    {
        var run = CliRun.Of("bench", Roe, "--batch", "64", "--device", "ilgpu-cpu", "--only", "elim-best,elim-best-ilgpu-cpu", "--json")
            .WithoutStackTrace();

        Assert.Equal(0, run.ExitCode);
        var results = JsonNode.Parse(run.Output)!["results"]!.AsArray();
        Assert.Equal(["elim-best", "elim-best-ilgpu-cpu"], results.Select(r => (string)r!["contender"]!));
        Assert.All(results, r => Assert.True((double)r!["secondsPerPoint"]! > 0));
    }
}
