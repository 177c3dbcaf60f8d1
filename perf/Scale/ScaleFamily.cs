using System.Text.RegularExpressions;
using Elim.Frontend;
using Elim.Testing;

namespace Elim.Scale.Perf;

/// <summary>
/// A kind of program that grows with one size parameter: seeded random straight-line programs (the parameter is the
/// number of statements), and the Encoder and f examples with their array dimension 4 made n (the parameter). The
/// scaled examples are the example files themselves with the dimensions replaced, so they keep their structure: at
/// n = 4 they are the examples.
/// </summary>
/// <param name="name">The family's name in the report.</param>
/// <param name="text">The program for a value of the size parameter.</param>
/// <param name="value">A random input value, given the parameter.</param>
/// <param name="start">A parameter to measure vertices per parameter at.</param>
/// <param name="growth">Vertices grow about as parameter^growth.</param>
public sealed class ScaleFamily(string name, Func<int, string> text, Func<Random, int, double> value, int start, double growth)
{
    public string Name { get; } = name;

    /// <summary>The three families of the benchmark.</summary>
    public static IReadOnlyList<ScaleFamily> All { get; } =
    [
        // Every value of these programs stays in [-1, 1] by construction.
        new("random", statements => RandomBigPrograms.Generate(statements, seed: 1), (r, _) => 2 * r.NextDouble() - 1, start: 1000, growth: 1),
        // Small weights keep the attention's exponentials finite as n grows.
        new("encoder", n => ScaledEncoder(File.ReadAllText(Repository.Example("encoder")), n), (r, n) => (r.NextDouble() - 0.5) / n, start: 4, growth: 3),
        // acos needs |v7| <= 1 and sqrt a positive argument: v7 grows as n^2 x^7, small at x in [0.2, 0.4] up to n of about 50.
        new("f", n => ScaledF(File.ReadAllText(Repository.Example("f")), n), (r, _) => 0.2 + 0.2 * r.NextDouble(), start: 4, growth: 3),
    ];

    /// <summary>The program of this family whose graph has about <paramref name="targetVertices"/> vertices, and its parameter.</summary>
    public (string Text, int Parameter) Sized(int targetVertices)
    {
        int VerticesOf(int parameter) => ElimFrontend.Compile(text(parameter), Name).VertexCount;
        int estimate = Math.Max(1, (int)Math.Round(start * Math.Pow((double)targetVertices / VerticesOf(start), 1 / growth)));
        if (growth == 1) return (text(estimate), estimate); // linear: the estimate is as close as it gets
        int best = new[] { estimate - 1, estimate, estimate + 1 }.Where(p => p >= 2)
            .MinBy(p => Math.Abs(Math.Log((double)VerticesOf(p) / targetVertices)));
        return (text(best), best);
    }

    /// <summary>A seeded random point for a graph of this family: <paramref name="count"/> values.</summary>
    public double[] Point(int count, int parameter, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => value(random, parameter)).ToArray();
    }

    /// <summary>encoder.elim with tokens and width n (the 4s) and the second block's and the loss's rows n/2 (the 2s).</summary>
    public static string ScaledEncoder(string text, int n)
    {
        int m = Math.Max(1, n / 2);
        return Substitute(text, new()
        {
            ["[4,4]"] = $"[{n},{n}]", ["[2,4]"] = $"[{m},{n}]", ["[2,1]"] = $"[{m},1]", ["[4]"] = $"[{n}]", ["loss[2]"] = $"loss[{m}]",
            ["0..4"] = $"0..{n}", ["0..2"] = $"0..{m}", ["/ 4;"] = $"/ {n};",
        });
    }

    /// <summary>f.elim with every dimension 4 made n (v1[2,3] and what derives from it keep their sizes).</summary>
    public static string ScaledF(string text, int n) => Substitute(text, new()
    {
        ["[4,4]"] = $"[{n},{n}]", ["[4,1]"] = $"[{n},1]", ["[1,4]"] = $"[1,{n}]", ["[4]"] = $"[{n}]", ["0..4"] = $"0..{n}",
        ["v39[3, 3]"] = $"v39[{n - 1}, {n - 1}]",
        ["[[v37[0], v37[1], v37[2], v37[3]]]"] = $"[[{string.Join(", ", Enumerable.Range(0, n).Select(i => $"v37[{i}]"))}]]",
    });

    // Every occurrence of a key replaced in one pass, so that a replacement is never replaced again.
    private static string Substitute(string text, Dictionary<string, string> replacements) =>
        Regex.Replace(text, string.Join("|", replacements.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), m => replacements[m.Value]);
}
