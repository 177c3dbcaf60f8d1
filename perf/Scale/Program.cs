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

    Measured by `perf/Scale` ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC) on {Machine.CpuName()},
    {Environment.ProcessorCount} core{(Environment.ProcessorCount == 1 ? "" : "s")} available
    ({Vector<double>.Count * 64}-bit vectors{(Vector512.IsHardwareAccelerated ? ", AVX-512" : "")}), .NET {Environment.Version};
    one thread for every in-process step but the compile's JIT stage, which compiles a big program's chunks on every core (as a user's
    compile does). Load average at the start: {Machine.LoadAverage()} (other work on the machine disturbs the figures).
    Command: `{string.Join(' ', args)}`. Budget {options.Budget.TotalMinutes:0.#} min; search --time {options.SearchTime.TotalSeconds:0.###} s.
    Programs: `random` is `RandomBigPrograms.Generate(statements, seed: 1)`; `encoder` and `f` are examples/encoder.elim and
    examples/f.elim with their dimension 4 made n (and encoder's 2 made n/2). Growth exponent = log(t2/t1) / log(V2/V1).

    """;
var report = new ScaleReport(options, header);
string programs = Path.Combine(options.OutDirectory, "programs");
Directory.CreateDirectory(programs);

var steps = new PipelineSteps(budget, report.Add);
Console.WriteLine("warming up on a small program (not reported) ...");
new PipelineSteps(new TimeBudget(TimeSpan.FromMinutes(5)), _ => { }).Measure(ScaleFamily.All[0], 300, ScaleFamily.All[0].Sized(300).Text, 150);

// The search runs first: they are bounded (every method gets --time plus a grace), and need only the largest random program.
var random = ScaleFamily.All[0];
int largest = options.Sizes[^1];
string largestRandom = Path.Combine(programs, $"{random.Name}-{largest}.elim");
File.WriteAllText(largestRandom, random.Sized(largest).Text);
Console.WriteLine($"elim search on {largestRandom} ...");
SearchRuns.RunAll(options.ElimDll, largestRandom, largest, Elim.Frontend.ElimFrontend.CompileFile(largestRandom).VertexCount, options.SearchTime, budget, report.Add);
try
{
    MeasureFamilies();
}
catch (BudgetSpentException e)
{
    // The step goes on running on its own thread; ending the process is the only way to stop it.
    Console.WriteLine($"stopped: {e.Message}; wrote {Path.Combine(options.OutDirectory, ScaleOptions.MarkdownName)} and {ScaleOptions.CsvName}");
    Environment.Exit(0);
}
Console.WriteLine($"wrote {Path.Combine(options.OutDirectory, ScaleOptions.MarkdownName)} and {ScaleOptions.CsvName}; load average now {Machine.LoadAverage()}");
return 0;

void MeasureFamilies()
{
    foreach (var family in ScaleFamily.All)
    {
        steps.NewFamily();
        var measured = new HashSet<int>();  // two sizes can round to the same program (the cubic families' small n)
        foreach (int target in options.Sizes)
        {
            if (budget.Left <= TimeSpan.Zero)
            {
                Console.WriteLine($"budget spent: {family.Name} at {target:N0} vertices and later are not measured");
                break;
            }
            Console.WriteLine($"{family.Name}, about {target:N0} vertices ({budget.Left.TotalMinutes:F1} min of budget left) ...");
            var (text, parameter) = family.Sized(target);
            if (!measured.Add(parameter))
            {
                Console.WriteLine($"{family.Name} at {target:N0} vertices is the program of an earlier size (parameter {parameter}); not measured again");
                continue;
            }
            File.WriteAllText(Path.Combine(programs, $"{family.Name}-{target}.elim"), text);
            steps.Measure(family, target, text, parameter);
        }
    }
}
