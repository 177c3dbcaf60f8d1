using System.Globalization;
using System.Text.RegularExpressions;
using Elim.Graph;

namespace Elim.Cli.Bench;

/// <summary>
/// The batch of points to time: small random perturbations (±0.5 %) of a centre point; and their data inputs: the values
/// <c>--data</c> gives at every point, else perturbations of the file's "Typical data" (or of 0.5), so every point reads
/// its own data.
/// </summary>
public static partial class BenchPoints
{
    /// <summary>
    /// The centre: <paramref name="at"/> when given, else the "Typical point" named in the file's header comment
    /// (n numbers, or one number for all inputs), else 0.5 for every input.
    /// </summary>
    public static double[] Centre(ComputationalGraph graph, string source, string? at)
    {
        return at is not null ? PointOptions.Inputs(at, graph) : Typical(TypicalPoint().Match(source), graph.InputCount);
    }

    /// <summary>
    /// The data inputs of <paramref name="batch"/> points, point after point: <paramref name="given"/> at every point, else
    /// random values near the "Typical data" of the file's header, or near 0.5 (empty for a graph without data inputs).
    /// </summary>
    public static double[] Data(ComputationalGraph graph, string source, double[]? given, int batch)
    {
        if (given is null) return Around(Typical(TypicalData().Match(source), graph.DataCount), batch, seed: 54321);
        var data = new double[(long)batch * given.Length];
        for (int p = 0; p < batch; p++) given.CopyTo(data, (long)p * given.Length);
        return data;
    }

    /// <summary><paramref name="batch"/> points near <paramref name="centre"/>, point after point; seeded, so runs compare.</summary>
    public static double[] Around(double[] centre, int batch, int seed = 12345)
    {
        var random = new Random(seed);
        var inputs = new double[(long)batch * centre.Length];
        for (long k = 0; k < inputs.Length; k++) inputs[k] = centre[k % centre.Length] * (1 + 0.01 * (random.NextDouble() - 0.5));
        return inputs;
    }

    // The numbers follow the header on the same line, or on the next comment line: as many as wanted, or one for all.
    private static double[] Typical(Match header, int count)
    {
        if (header.Success)
        {
            var numbers = Numbers(header.Groups[1].Value);
            if (numbers.Length == 0) numbers = Numbers(header.Groups[2].Value);
            if (numbers.Length == count) return numbers;
            if (numbers.Length == 1) return Enumerable.Repeat(numbers[0], count).ToArray();
        }
        return Enumerable.Repeat(0.5, count).ToArray();
    }

    private static double[] Numbers(string text) =>
        Number().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    // "Typical point ...:" then the rest of its line (group 1) and the next comment line, if any (group 2).
    [GeneratedRegex(@"Typical point[^:\n]*:([^\n]*)(?:\n//([^\n]*))?")]
    private static partial Regex TypicalPoint();

    [GeneratedRegex(@"Typical data[^:\n]*:([^\n]*)(?:\n//([^\n]*))?")]
    private static partial Regex TypicalData();

    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();
}
