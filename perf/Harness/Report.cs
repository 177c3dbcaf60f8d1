using Elim.Backend.Emit;
using Elim.Testing;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Elim.Perf;

/// <summary>Writes the Markdown report: machine, costs, time per point and the ratios the targets are about.</summary>
public static class Report
{
    public static void Write(HarnessOptions options, IReadOnlyList<ExampleRun> runs, IReadOnlyList<Measurement> measurements, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine("# CPU Jacobians: Elim against its peers");
        text.AppendLine();
        text.AppendLine($"Machine: {Machine.CpuName()}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
                        $"{RuntimeInformation.OSDescription}; Elim's vector kernels: {VectorLaneEmitter.Widest.Lanes} points per step " +
                        $"({(VectorLaneEmitter.Widest.Lanes == 8 ? "Vector512, AVX-512" : "Vector256")}); measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine("Command: `dotnet run -c Release --project perf/Harness -- " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1)) + "`");
        text.AppendLine();
        text.AppendLine("Time per point (outputs and full Jacobian) in nanoseconds, the fastest of several calls of the whole batch; " +
                        "every contender was first checked against the reference interpreter at one point. " +
                        "`primal` is the compiled function without derivatives (the compute floor); `write-floor` only fills the output and Jacobian buffers " +
                        "(the memory floor: no Jacobian code writes its results faster). Slow contenders are timed on a prefix of the batch (marked †).");
        text.AppendLine();
        foreach (var run in runs)
        {
            text.AppendLine($"## {run.Name}");
            text.AppendLine();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Graph.VertexCount} vertices. Compile (text → first Jacobian, fresh code cache): {run.Compile.MedianMilliseconds:F1} ms median, {run.Compile.FirstMilliseconds:F1} ms for the first compile in the process."));
            text.AppendLine();
            text.AppendLine("| order | Markowitz cost | emitted multiplications |");
            text.AppendLine("|---|---|---|");
            foreach (var compiled in run.Compiled)
                text.AppendLine($"| {compiled.Name} | {compiled.Function.MarkowitzCost} | {compiled.Function.EmittedCost} |");
            text.AppendLine();
            foreach (int threads in options.Threads)
            {
                var rows = measurements.Where(m => m.Example == run.Name && m.Threads == threads).ToList();
                if (rows.Count == 0) continue;
                text.AppendLine($"**{threads} thread{(threads == 1 ? "" : "s")}** (ns per point)");
                text.AppendLine();
                text.AppendLine("| contender | " + string.Join(" | ", options.Batches.Select(b => $"batch {b:N0}")) + " |");
                text.AppendLine("|---|" + string.Concat(options.Batches.Select(_ => "---|")));
                foreach (string contender in rows.Select(m => m.Contender).Distinct())
                {
                    var cells = options.Batches.Select(b => rows.FirstOrDefault(m => m.Contender == contender && m.Batch == b) is { } m
                        ? (m.SecondsPerPoint * 1e9).ToString("F1", CultureInfo.InvariantCulture) + (m.PointsTimed < m.Batch ? " †" : "")
                        : "—");
                    text.AppendLine($"| {contender} | {string.Join(" | ", cells)} |");
                }
                text.AppendLine();
                AppendRatios(text, rows, options.Batches);
            }
        }
        if (notes.Count > 0)
        {
            text.AppendLine("## Notes");
            text.AppendLine();
            foreach (string note in notes) text.AppendLine($"- {note}");
        }
        File.WriteAllText(Path.Combine(options.OutputDirectory, "cpu-jacobians.md"), text.ToString());
    }

    private static void AppendRatios(StringBuilder text, List<Measurement> rows, IReadOnlyList<int> batches)
    {
        (string Label, string Numerator, string Denominator)[] ratios =
        [
            ("torchsharp ÷ elim-best", "torchsharp", "elim-best"),
            ("pytorch-jacrev ÷ elim-best", "pytorch-jacrev", "elim-best"),
            ("handwritten-reverse ÷ elim-best", "handwritten-reverse", "elim-best"),
            ("elim-best ÷ primal", "elim-best", "primal"),
            ("elim-best ÷ write-floor", "elim-best", "write-floor"),
        ];
        var lines = new List<string>();
        foreach (var (label, numerator, denominator) in ratios)
        {
            var cells = batches.Select(b =>
            {
                var n = rows.FirstOrDefault(m => m.Contender == numerator && m.Batch == b);
                var d = rows.FirstOrDefault(m => m.Contender == denominator && m.Batch == b);
                return n is null || d is null ? "—" : (n.SecondsPerPoint / d.SecondsPerPoint).ToString("F1", CultureInfo.InvariantCulture) + "×";
            }).ToList();
            if (cells.Any(c => c != "—")) lines.Add($"| {label} | {string.Join(" | ", cells)} |");
        }
        if (lines.Count == 0) return;
        text.AppendLine("| ratio | " + string.Join(" | ", batches.Select(b => $"batch {b:N0}")) + " |");
        text.AppendLine("|---|" + string.Concat(batches.Select(_ => "---|")));
        lines.ForEach(l => text.AppendLine(l));
        text.AppendLine();
    }
}
