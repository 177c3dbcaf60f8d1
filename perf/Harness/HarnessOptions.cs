using System.Globalization;
using Elim.Testing;

namespace Elim.Perf;

/// <summary>The harness's command line.</summary>
public sealed record HarnessOptions(
    IReadOnlyList<string> Examples, IReadOnlyList<int> Batches, IReadOnlyList<int> Threads, string OutputDirectory,
    double MinimumSeconds, bool Resume, bool PyTorch)
{
    public const string Usage =
        "elim-perf --out DIR [--force | --resume] [--examples a,b] [--batches 1,1000,100000,1000000] [--threads 1,N] " +
        "[--min-seconds 0.3] [--no-pytorch]";

    /// <summary>The files a run writes into the folder (and the plots, cpu-EXAMPLE-tT.png).</summary>
    public static readonly string[] ResultFiles = ["cpu-jacobians.md", "cpu-jacobians.csv"];

    /// <summary>
    /// Parses <paramref name="args"/> and checks the output folder (existing results are kept unless --force, or continued
    /// with --resume); throws <see cref="ArgumentException"/> with the usage on a mistake.
    /// </summary>
    public static HarnessOptions Parse(string[] args, IReadOnlyList<string> allExamples)
    {
        var options = new HarnessOptions(allExamples, [1, 1_000, 100_000, 1_000_000], [1, Environment.ProcessorCount],
            "", 0.3, Resume: false, PyTorch: true);
        bool force = args.Contains("--force");
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\nusage: {Usage}");
            options = args[i] switch
            {
                "--examples" => options with { Examples = BenchmarkArguments.Names(Value(), "--examples", [.. allExamples]) },
                "--batches" => options with { Batches = BenchmarkArguments.Integers(Value(), "--batches") },
                "--threads" => options with { Threads = BenchmarkArguments.Integers(Value(), "--threads") },
                "--out" => options with { OutputDirectory = Value() },
                "--min-seconds" => options with { MinimumSeconds = Seconds(Value()) },
                "--resume" => options with { Resume = true },
                "--force" => options,
                "--no-pytorch" => options with { PyTorch = false },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\nusage: {Usage}"),
            };
        }
        if (options.OutputDirectory.Length == 0) throw new ArgumentException($"--out DIR is required: the folder for the results.\nusage: {Usage}");
        if (ResultsFolder.Refusal(options.OutputDirectory, force || options.Resume, ResultFiles) is { } refusal)
            throw new ArgumentException(refusal);
        return options;
    }

    private static double Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
            ? seconds
            : throw new ArgumentException($"--min-seconds '{text}': give a positive number of seconds.");
}
