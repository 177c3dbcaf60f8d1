using Elim.Testing;

namespace Elim.Perf.Gpu;

/// <summary>
/// Command line of the GPU benchmark: <c>--out DIR [--force] [--device ilgpu-cpu|cuda] [--batches 10000,100000]
/// [--examples a,b] [--processors P]</c>.
/// </summary>
internal sealed record GpuBenchOptions(string Device, int[] Batches, string[] Examples, int Processors, string OutputDirectory)
{
    public const string Usage =
        "elim-perf-gpu --out DIR [--force] [--device ilgpu-cpu|cuda] [--batches 10000,100000,1000000] [--examples a,b] [--processors P]";

    private static readonly string[] Devices = ["ilgpu-cpu", "cuda"];

    /// <summary>The files a run on <paramref name="device"/> writes into the folder.</summary>
    public static string[] ResultFiles(string device) => [$"gpu-{device}.md", $"gpu-{device}.csv"];

    /// <summary>
    /// Parses <paramref name="args"/> and checks the output folder (existing results are kept unless --force); throws
    /// <see cref="ArgumentException"/> with a message for the user.
    /// </summary>
    public static GpuBenchOptions Parse(string[] args, string[] allExamples)
    {
        var options = new GpuBenchOptions("ilgpu-cpu", [10_000, 100_000, 1_000_000], allExamples, Environment.ProcessorCount, "");
        bool force = false;
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--force")
            {
                force = true;
                continue;
            }
            string value = a + 1 < args.Length ? args[a + 1] : throw new ArgumentException($"{args[a]} needs a value.");
            options = args[a++] switch
            {
                "--device" => options with
                {
                    Device = Devices.Contains(value) ? value : throw new ArgumentException($"--device '{value}': give ilgpu-cpu or cuda."),
                },
                "--batches" => options with { Batches = BenchmarkArguments.Integers(value, "--batches") },
                "--examples" => options with { Examples = BenchmarkArguments.Names(value, "--examples", allExamples) },
                "--processors" => options with
                {
                    Processors = BenchmarkArguments.Integers(value, "--processors") is [var processors] ? processors
                        : throw new ArgumentException($"--processors '{value}': give one number."),
                },
                "--out" => options with { OutputDirectory = value },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }
        if (options.OutputDirectory.Length == 0) throw new ArgumentException("--out DIR is required: the folder for the results.");
        if (ResultsFolder.Refusal(options.OutputDirectory, force, ResultFiles(options.Device)) is { } refusal) throw new ArgumentException(refusal);
        return options;
    }
}
