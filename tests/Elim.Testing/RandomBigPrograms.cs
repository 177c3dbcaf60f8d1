using System.Text;

namespace Elim.Testing;

/// <summary>
/// Seeded random straight-line scalar programs of any size, for the big-graph tests and the scale benchmark.
/// Every value stays in [−1, 1] (averages, products, bounded elementary functions, divisions by 2 + b), so a
/// program of 10⁵ statements neither overflows nor underflows and its Jacobian is a fair thing to compare.
/// Operands come mostly from a window of recent values and sometimes from anywhere before, which gives the
/// sparse, long-lived structure of real residuals; the outputs are the last values, so almost nothing is dead.
/// </summary>
public static class RandomBigPrograms
{
    private const int Window = 48;
    private static readonly string[] Bounded = ["sin", "cos", "tanh"];

    /// <summary>A program of <paramref name="statements"/> statements over <paramref name="inputs"/> inputs.</summary>
    public static string Generate(int statements, int seed, int inputs = 8, int outputs = 4)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var names = Enumerable.Range(0, inputs).Select(i => $"x{i}").ToList();
        text.Append($"function big({string.Join(", ", names)}) -> ({string.Join(", ", Enumerable.Range(0, outputs).Select(i => $"y{i}"))}) {{\n");
        for (int s = 0; s < statements; s++)
        {
            string a = Operand(random, names), b = Operand(random, names);
            string value = random.Next(8) switch
            {
                0 => $"0.5 * ({a} + {b})",
                1 => $"0.5 * ({a} - {b})",
                2 => $"{a} * {b}",
                3 => $"{Bounded[random.Next(Bounded.Length)]}({a})",
                4 => $"tanh({a} + {b})",
                5 => $"{a} / (2 + {b})",
                6 => $"0.3 * exp({a})",
                _ => $"0.5 * sqrt(1 + {a} * {b})",
            };
            string name = $"t{s}";
            text.Append($"    {name} = {value};\n");
            names.Add(name);
        }
        for (int o = 0; o < outputs; o++) text.Append($"    y{o} = {names[names.Count - 1 - o]};\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static string Operand(Random random, List<string> names) =>
        random.Next(8) == 0 ? names[random.Next(names.Count)] : names[Math.Max(0, names.Count - 1 - random.Next(Window))];
}
