using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Elim;

// elim-single-point FILE X1,X2,...: times Elim's single-point JacobianFunction.Evaluate and Primal.Evaluate at one
// point, the calls a user makes for one point (elim bench --batch 1 times the batched entry instead). The order is
// the one `elim bench` calls elim-best: the order store's best, else the cheapest standard order. Prints one JSON line with
// seconds per call: the median sample, the fastest and the slowest.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: elim-single-point FILE X1,X2,...");
    return 64;
}
JacobianFunction function;
double[] x;
try
{
    function = Jacobians.CompileFile(args[0]);
    x = args[1].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    if (x.Length != function.InputCount) throw new FormatException($"{function.Name} takes {function.InputCount} inputs; the point has {x.Length}.");
}
catch (Exception e) when (e is Elim.Frontend.DiagnosticException or Elim.Graph.InvalidOrderException or FormatException)
{
    Console.Error.WriteLine(e is Elim.Frontend.DiagnosticException ? e.Message : $"error: {e.Message}");
    return 65;
}
var outputs = new double[function.OutputCount];
var jacobian = new double[function.OutputCount * function.InputCount];
var primal = function.Primal;
var result = new
{
    jacobian = Sampler.Measure(calls =>
    {
        long start = Stopwatch.GetTimestamp();
        for (int k = 0; k < calls; k++) function.Evaluate(x, outputs, jacobian);
        return Sampler.Seconds(start);
    }),
    primal = Sampler.Measure(calls =>
    {
        long start = Stopwatch.GetTimestamp();
        for (int k = 0; k < calls; k++) primal.Evaluate(x, outputs);
        return Sampler.Seconds(start);
    }),
};
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;

/// <summary>Seconds per call of an action, as the C driver of this folder measures its kernels.</summary>
internal static class Sampler
{
    /// <summary>
    /// Times groups of calls with <paramref name="timeCalls"/> (n → seconds n calls took, the calls made directly in its
    /// loop, as the C driver calls its kernel): one warm-up call; then groups lasting at least 50 µs each (the clock's
    /// cost and resolution vanish in them), at least five groups over at least half a second.
    /// </summary>
    public static Dictionary<string, double> Measure(Func<int, double> timeCalls)
    {
        timeCalls(1);
        int group = 1;
        while (timeCalls(group) < 50e-6) group *= 2;
        var perCall = new List<double>();
        var clock = Stopwatch.StartNew();
        while (perCall.Count < 5 || clock.Elapsed.TotalSeconds < 0.5) perCall.Add(timeCalls(group) / group);
        perCall.Sort();
        return new()
        {
            ["median"] = (perCall[(perCall.Count - 1) / 2] + perCall[perCall.Count / 2]) / 2,
            ["min"] = perCall[0],
            ["max"] = perCall[^1],
            ["samples"] = perCall.Count,
        };
    }

    /// <summary>Seconds since timestamp <paramref name="start"/>, from ticks (not TimeSpan's 100 ns).</summary>
    public static double Seconds(long start) => (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;
}
