using Elim.Perf;
using Elim.Testing;

// The CPU perf harness: every example × contender × batch size × thread count, verified, logged, reported.
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args, ExamplePoints.All.Select(e => e.File).Distinct().ToArray());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 64;
}

var log = new ResultsLog(Path.Combine(options.OutputDirectory, "cpu-jacobians.csv"), options.Resume);
var runs = new List<ExampleRun>();
bool pyTorch = options.PyTorch && PyTorchPeer.IsAvailable();
if (options.PyTorch && !pyTorch) Console.Error.WriteLine("note: PyTorch with functorch not found at /usr/bin/python3 (apt-get install python3-torch); skipping it.");
var notes = new List<string>();
foreach (string example in options.Examples)
{
    Console.Error.WriteLine($"== {example}");
    var run = ExampleRun.Prepare(example);
    runs.Add(run);
    var batch = new Batch(run.Graph, run.Point, options.Batches.Max(), seed: 1);
    double[]? pyTorchJacobian = null;
    if (pyTorch && !options.Batches.All(b => options.Threads.All(t => log.Has(example, "pytorch-jacrev", b, t))))
    {
        var (measurements, first) = PyTorchPeer.Run(example, batch, options.Batches, options.Threads);
        measurements.ForEach(log.Add);
        pyTorchJacobian = first;
    }
    var wrong = run.Verify(batch, pyTorchJacobian);
    foreach (string name in wrong)
    {
        notes.Add($"{example}: {name} disagrees with the reference interpreter at point 0 and was not timed (or its timings are void).");
        Console.Error.WriteLine($"  WRONG: {name}");
    }
    foreach (int threads in options.Threads)
    {
        foreach (int size in options.Batches)
        {
            foreach (var contender in run.Contenders.Where(c => !wrong.Contains(c.Name)))
            {
                if (log.Has(example, contender.Name, size, threads)) continue;
                var measurement = Measurement.Take(example, contender, batch, size, threads, options.MinimumSeconds);
                log.Add(measurement);
                Console.Error.WriteLine($"  {measurement}");
            }
        }
    }
}
notes.AddRange(runs.Select(r => $"{r.Name}: elim-best uses the {r.BestOrderSource} order."));
Report.Write(options, runs, log.Measurements, notes);
Plots.Write(options, log.Measurements);
Console.Error.WriteLine($"wrote {options.OutputDirectory}/cpu-jacobians.md, .csv and cpu-*.png");
return 0;
