using System.Globalization;
using System.Text;
using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Seeded random valid <c>.elim</c> programs that use arrays as values (matrix and vector inputs, <c>@</c>,
/// elementwise functions with scalar broadcast, reductions, slices, literals, transpose, a growable matrix),
/// branches (<c>? :</c> and <c>if</c>/<c>else</c> on comparisons and logic), <c>data</c> inputs and
/// <c>grad</c> of a helper. Every operation is smooth away from the branches' switching points and the kinks of
/// norm, max and min, which random points miss (no vector is subtracted from itself), so any point is a fair place
/// to compare Jacobians. The function to differentiate is <c>main</c>;
/// it takes the gradient of the helper, so it is also the default.
/// </summary>
public static class RandomArrayPrograms
{
    private static readonly string[] Smooth = ["sin", "cos", "tanh", "atan", "logistic", "erf", "asinh"];

    /// <summary>The program of <paramref name="seed"/>.</summary>
    public static string Generate(int seed) => new Generator(new Random(seed)).Program();

    /// <summary>The seeds the backends' property tests run, as theory rows.</summary>
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 40).Select(seed => new object[] { seed });

    /// <summary>
    /// <paramref name="count"/> deterministic points of the graph of program <paramref name="seed"/> (inputs and data in
    /// [−1.5, 1.5]; each point has its own data).
    /// </summary>
    public static (double[][] Points, double[][] Data) Points(ComputationalGraph graph, int seed, int count) =>
        (Enumerable.Range(0, count).Select(p => RandomGraphs.RandomPoint(graph, 1000 * seed + p)).ToArray(),
         Enumerable.Range(0, count).Select(p => BranchGraphs.RandomData(graph, -1000 * seed - p - 1)).ToArray());

    private sealed class Generator(Random random)
    {
        private readonly StringBuilder _text = new();
        private readonly List<string> _scalars = ["s"];
        private readonly List<string> _vectors = ["x"];   // length n
        private int _n, _m, _locals;

        public string Program()
        {
            _n = 2 + random.Next(3);
            _m = 2 + random.Next(2);
            bool data = random.Next(2) == 0;
            _text.Append($"function energy(q[{_n}], data c) -> (u) {{\n    u = c * dot(q, q) + sum(sin(q)) * {Number()};\n}}\n\n");
            var parameters = new List<string> { $"x[{_n}]", $"A[{_m},{_n}]", "s" };
            if (data) parameters.Add($"data d[{_n}]");
            _text.Append($"function main({string.Join(", ", parameters)}) -> (y, w[{_n}], M[{_m},{_n}]) {{\n");
            if (data) _vectors.Add("d");
            for (int k = 2 + random.Next(4); k > 0; k--) Statement();
            Local($"grad(energy)({Vector()}, {Scalar(1)})", vector: true);
            _text.Append($"    y = {Scalar(2)};\n");
            _text.Append($"    w = {Vector()};\n");
            _text.Append(random.Next(2) == 0
                ? $"    M = A * {Scalar(1)} + {Scalar(0)};\n"
                : $"    for i in 0..{_m} {{ for j in 0..{_n} {{ M[i, j] = A[i, j] * {Pick(_scalars)} + (i - j); }} }}\n");
            _text.Append("}\n");
            return _text.ToString();
        }

        private void Statement()
        {
            switch (random.Next(4))
            {
                case 0:
                    Local(Scalar(2), vector: false);
                    break;
                case 1:
                    Local(Vector(), vector: true);
                    break;
                case 2:
                    string t = $"t{_locals++}", v = $"t{_locals++}";
                    _text.Append($"    if ({Condition()}) {{ {t} = {Scalar(1)}; {v} = {Vector()}; }}");
                    _text.Append(random.Next(2) == 0
                        ? $" else if ({Condition()}) {{ {t} = {Scalar(1)}; {v} = {Vector()}; }} else {{ {t} = {Scalar(0)}; {v} = {Vector()}; }}\n"
                        : $" else {{ {t} = {Scalar(1)}; {v} = {Vector()}; }}\n");
                    _scalars.Add(t);
                    _vectors.Add(v);
                    break;
                default:
                    Local($"{Condition()} ? {Vector()} : {Vector()}", vector: true);
                    break;
            }
        }

        private void Local(string value, bool vector)
        {
            string name = $"t{_locals++}";
            _text.Append($"    {name} = {value};\n");
            (vector ? _vectors : _scalars).Add(name);
        }

        private string Condition()
        {
            string comparison = $"{Scalar(1)} {Pick(["<", "<=", ">", ">="])} {Scalar(0)}";
            return random.Next(4) switch
            {
                0 => $"{comparison} && {Scalar(0)} != {Number()}",
                1 => $"!({comparison}) || {Scalar(0)} == {Number()}",
                _ => comparison,
            };
        }

        private string Scalar(int depth)
        {
            if (depth == 0 || random.Next(5) == 0)
                return random.Next(3) == 0 ? Number() : random.Next(2) == 0 ? Pick(_scalars) : $"{Pick(_vectors)}[{random.Next(_n)}]";
            string a = Scalar(depth - 1), b = Scalar(depth - 1);
            return random.Next(11) switch
            {
                0 => $"{a} + {b}",
                1 => $"{a} * {b}",
                2 => $"{a} / (1 + square({b}))",
                3 => $"{Pick(Smooth)}({a})",
                4 => $"dot({Vector()}, {Vector()})",
                5 => $"sum({Vector()})",
                6 => $"norm({Vector()})",
                7 => $"max({Vector()})",
                8 => $"min({Pick(_vectors)}[1:]) - A[{random.Next(_m)}, {random.Next(_n)}]",
                9 => $"({Condition()} ? {a} : {b})",
                _ => $"sum(A @ ({Vector()}))",
            };
        }

        private string Vector()
        {
            string v = Pick(_vectors);
            return random.Next(9) switch
            {
                0 => $"{Pick(Smooth)}({v})",
                1 => $"{v} * {Scalar(1)}",
                2 => $"{v} - {Other(v)}",
                3 => $"transpose(A) @ {Row()}",
                4 => $"[{string.Join(", ", Enumerable.Range(0, _n).Select(_ => Scalar(1)))}]",
                5 => $"{Row()} @ A",
                6 => $"{v}^2 + {Number()}",
                7 => $"sum(A, 0) * {v}",
                _ => v,
            };
        }

        // Another vector than v, or a number: v - v is identically zero, and norm or sqrt of it sits on a kink, where
        // conventions differ (compiled code drops the structurally zero partial, IEEE arithmetic makes 0·∞ = NaN).
        private string Other(string v) => _vectors.Where(o => o != v).ToList() is { Count: > 0 } others ? Pick(others) : Number();

        // A vector of length m.
        private string Row() => random.Next(2) == 0 ? $"A @ {Pick(_vectors)}" : $"sin(A[:, {random.Next(_n)}])";

        private string Number() => (random.Next(1, 40) / 8.0).ToString("R", CultureInfo.InvariantCulture);

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
