using System.Globalization;
using Elim.Testing;

namespace Elim.Scale.Perf;

/// <summary>The command line of the scale benchmark, checked before any long work starts.</summary>
public sealed record ScaleOptions(string OutDirectory, bool Force, TimeSpan Budget, IReadOnlyList<int> Sizes, TimeSpan SearchTime, string ElimDll)
{
    public const string Usage =
        "dotnet run -c Release --project perf/Scale -- --out DIR [--force] [--budget 30m] [--sizes 1000,10000,100000] [--search-time 5s] [--elim PATH/elim.dll]";

    /// <summary>The names of the results in <see cref="OutDirectory"/>.</summary>
    public const string MarkdownName = "scale.md", CsvName = "scale.csv";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        string? outDirectory = null, elim = null;
        bool force = false;
        var budget = TimeSpan.FromMinutes(30);
        var searchTime = TimeSpan.FromSeconds(5);
        IReadOnlyList<int> sizes = [1_000, 10_000, 100_000];
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--out": outDirectory = Value(); break;
                case "--force": force = true; break;
                case "--budget": budget = Duration(Value(), "--budget"); break;
                case "--search-time": searchTime = Duration(Value(), "--search-time"); break;
                case "--elim": elim = Value(); break;
                case "--sizes": sizes = BenchmarkArguments.Integers(Value(), "--sizes", least: 100).Order().ToList(); break;
                default: throw new ArgumentException($"unknown option '{args[i]}'.");
            }
        }
        if (outDirectory is null) throw new ArgumentException("--out DIR is required: the folder for scale.md and scale.csv.");
        var options = new ScaleOptions(Path.GetFullPath(outDirectory), force, budget, sizes, searchTime,
            Path.GetFullPath(elim ?? Repository.PathOf("src/Cli/bin/Release/net10.0/elim.dll")));
        options.CheckPaths();
        return options;
    }

    /// <summary>Refuses to overwrite results without --force, checks the folder is writable and that the CLI is built.</summary>
    private void CheckPaths()
    {
        if (ResultsFolder.Refusal(OutDirectory, Force, [MarkdownName, CsvName]) is { } refusal) throw new ArgumentException(refusal);
        if (!File.Exists(ElimDll))
            throw new ArgumentException($"the elim CLI is not built at '{ElimDll}': run 'dotnet build -c Release src/Cli' first, or pass --elim PATH/elim.dll.");
    }

    private static TimeSpan Duration(string text, string option)
    {
        var (number, unit) = text.EndsWith("ms") ? (text[..^2], 1e-3) : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('s') ? (text[..^1], 1.0) : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new ArgumentException($"{option} '{text}': give a duration such as 500ms, 90s or 30m.");
    }
}
