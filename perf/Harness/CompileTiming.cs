using System.Diagnostics;
using Elim.Backend;
using Elim.Backend.Cache;

namespace Elim.Perf;

/// <summary>
/// Time from .elim text to the first Jacobian through the compile API: parse, lower, choose the order
/// (stored, or the cheapest standard order), emit, JIT and the first call, with a fresh code cache each time.
/// </summary>
public static class CompileTiming
{
    /// <summary>The first compile in this process (Elim's own code still being JIT-compiled) and the median of 7 after it, in ms.</summary>
    public static (double FirstMilliseconds, double MedianMilliseconds) Measure(string path, string? function, double[] point)
    {
        string text = File.ReadAllText(path);
        double Once()
        {
            long start = Stopwatch.GetTimestamp();
            var compiled = Jacobians.Compile(text, new CompileOptions { Function = function, Cache = new CodeCache() }, path);
            compiled.Evaluate(point, new double[compiled.OutputCount], new double[compiled.OutputCount * compiled.InputCount]);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        double first = Once();
        var times = Enumerable.Range(0, 7).Select(_ => Once()).Order().ToArray();
        return (first, times[times.Length / 2]);
    }
}
