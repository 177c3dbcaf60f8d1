using System.Globalization;

namespace Elim.Perf;

/// <summary>The harness's command line.</summary>
public sealed record HarnessOptions(
    IReadOnlyList<string> Examples, IReadOnlyList<int> Batches, IReadOnlyList<int> Threads, string OutputDirectory,
    double MinimumSeconds, bool Resume, bool PyTorch)
{
    public const string Usage =
        "elim-perf [--examples a,b] [--batches 1,1000,100000,1000000] [--threads 1,N] [--out perf/results] " +
        "[--min-seconds 0.3] [--resume] [--no-pytorch]";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with the usage on a mistake.</summary>
    public static HarnessOptions Parse(string[] args, IReadOnlyList<string> allExamples)
    {
        var options = new HarnessOptions(allExamples, [1, 1_000, 100_000, 1_000_000], [1, Environment.ProcessorCount],
            "perf/results", 0.3, Resume: false, PyTorch: true);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\nusage: {Usage}");
            options = args[i] switch
            {
                "--examples" => options with { Examples = Value().Split(',') },
                "--batches" => options with { Batches = Value().Split(',').Select(int.Parse).ToArray() },
                "--threads" => options with { Threads = Value().Split(',').Select(int.Parse).ToArray() },
                "--out" => options with { OutputDirectory = Value() },
                "--min-seconds" => options with { MinimumSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--resume" => options with { Resume = true },
                "--no-pytorch" => options with { PyTorch = false },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\nusage: {Usage}"),
            };
        }
        var unknown = options.Examples.Except(allExamples).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown example(s) {string.Join(", ", unknown)}; known: {string.Join(", ", allExamples)}.");
        return options;
    }
}
