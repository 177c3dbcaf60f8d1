using System.Numerics;
using System.Runtime.Intrinsics;
using Elim.Scale.Perf;
using Elim.Testing;

// The scale benchmark (issue 13): see perf/README.md.
ScaleOptions options;
try
{
    options = ScaleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\nusage: {ScaleOptions.Usage}");
    return 64;
}

var budget = new TimeBudget(options.Budget);
string header = $"""
    # Scale: Elim from 10³ to 10⁵ vertices

    Measured by `perf/Scale` ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC) on {Machine.CpuName()}, {Environment.ProcessorCount} cores
    ({Vector<double>.Count * 64}-bit vectors{(Vector512.IsHardwareAccelerated ? ", AVX-512" : "")}), .NET {Environment.Version}; one thread for
    every in-process step. Load average at the start: {LoadAverage()} (other work on the machine disturbs the figures).
    Command: `{string.Join(' ', args)}`. Budget {options.Budget.TotalMinutes:F0} min; search --time {options.SearchTime.TotalSeconds:F0} s.
    Programs: `random` is `RandomBigPrograms.Generate(statements, seed: 1)`; `encoder` and `f` are examples/encoder.elim and
    examples/f.elim with their dimension 4 made n (and encoder's 2 made n/2). Growth exponent = log(t2/t1) / log(V2/V1).

    """;
var report = new ScaleReport(options, header);
string programs = Path.Combine(options.OutDirectory, "programs");
Directory.CreateDirectory(programs);

var steps = new PipelineSteps(budget, report.Add);
Console.WriteLine("warming up on a small program (not reported) ...");
new PipelineSteps(new TimeBudget(TimeSpan.FromMinutes(5)), _ => { }).Measure(ScaleFamily.All[0], 300, ScaleFamily.All[0].Sized(300).Text, 150);

string? largestRandom = null;
int largestVertices = 0, largestTarget = 0;
foreach (var family in ScaleFamily.All)
{
    steps.NewFamily();
    foreach (int target in options.Sizes)
    {
        if (budget.Left <= TimeSpan.Zero)
        {
            Console.WriteLine($"budget spent: {family.Name} at {target:N0} vertices and later are not measured");
            break;
        }
        Console.WriteLine($"{family.Name}, about {target:N0} vertices ({budget.Left.TotalMinutes:F1} min of budget left) ...");
        var (text, parameter) = family.Sized(target);
        string file = Path.Combine(programs, $"{family.Name}-{target}.elim");
        File.WriteAllText(file, text);
        steps.Measure(family, target, text, parameter);
        if (family.Name == "random")
        {
            (largestRandom, largestTarget) = (file, target);
            largestVertices = Elim.Frontend.ElimFrontend.Compile(text, file).VertexCount;
        }
    }
}
if (largestRandom is not null)
{
    Console.WriteLine($"elim search on {largestRandom} ...");
    SearchRuns.RunAll(options.ElimDll, largestRandom, largestTarget, largestVertices, options.SearchTime, budget, report.Add);
}
Console.WriteLine($"wrote {Path.Combine(options.OutDirectory, ScaleOptions.MarkdownName)} and {ScaleOptions.CsvName}; load average now {LoadAverage()}");
return 0;

static string LoadAverage()
{
    try { return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "unknown"; }
}
