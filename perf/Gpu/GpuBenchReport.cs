using Elim.Testing;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Elim.Perf.Gpu;

/// <summary>Writes the rows as a Markdown table and a CSV, headed by the device and the machine.</summary>
internal static class GpuBenchReport
{
    public static void Write(string directory, string deviceKind, string deviceName, double? peakBandwidth, string command,
        IReadOnlyList<GpuBenchRow> rows)
    {
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, "gpu-" + deviceKind);
        var md = new StringBuilder();
        md.AppendLine($"# GPU backend: {deviceKind} ({deviceName})");
        md.AppendLine();
        md.AppendLine($"Machine: {Machine.CpuName()}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        md.AppendLine($"Peak memory bandwidth: {(peakBandwidth is { } peak ? $"{peak / 1e9:F0} GB/s" : "not reported by this device")}.");
        md.AppendLine($"Command: `{command}`");
        md.AppendLine();
        md.AppendLine("Order: minimal Markowitz. Layout: structure of arrays. Best of several calls after a warm-up. Bandwidth counts x read + outputs and Jacobian written. " +
                      "`gpu-kernel`: data already on the device; `gpu-with-copies`: host spans in and out; `cpu-all-cores`: the CPU backend's EvaluateBatch on every core.");
        md.AppendLine();
        md.AppendLine("| example | batch | contender | ms per call | Jacobians/s | GB/s | × CPU |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var r in rows)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Example} | {r.Batch} | {r.Contender} | {r.Seconds * 1e3:F2} | {r.JacobiansPerSecond:E2} | {r.BytesPerSecond / 1e9:F2} | {r.SpeedupOverCpu:F2} |"));
        File.WriteAllText(stem + ".md", md.ToString());

        var csv = new StringBuilder("device,example,batch,contender,seconds,jacobians_per_second,bytes_per_second,speedup_over_cpu\n");
        foreach (var r in rows)
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"\"{deviceName}\",{r.Example},{r.Batch},{r.Contender},{r.Seconds:R},{r.JacobiansPerSecond:R},{r.BytesPerSecond:R},{r.SpeedupOverCpu:R}"));
        File.WriteAllText(stem + ".csv", csv.ToString());
    }
}
