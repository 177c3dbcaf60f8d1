using System.Globalization;
using System.Text;

namespace Elim.Testing;

/// <summary>
/// Seeded random valid <c>.elim</c> programs: consts, helpers (single- and multi-output, some outputs
/// aliasing inputs, some taking arrays), a main function with scalar and array inputs and outputs,
/// compile-time loops, local arrays, integer and real powers, comments and every number format.
/// All operations are smooth on the whole real line (divisions are by <c>1 + square(...)</c>, logs and
/// square roots of positive values), so any point is a fair place to compare Jacobians.
/// The function to differentiate is <c>main</c>; it calls every helper, so it is also the default.
/// </summary>
public static class RandomPrograms
{
    private static readonly string[] Smooth = ["sin", "cos", "tanh", "atan", "logistic", "square", "erf", "asinh"];

    /// <summary>The program of <paramref name="seed"/>.</summary>
    public static string Generate(int seed) => new Generator(new Random(seed)).Program();

    private sealed class Generator(Random random)
    {
        private readonly StringBuilder _text = new();
        private readonly List<string> _constants = [];
        private readonly List<(string Name, int Inputs, int Outputs, int ArraySize)> _helpers = [];

        public string Program()
        {
            if (random.Next(3) == 0) _text.Append("# a random program\n");
            for (int k = random.Next(3); k > 0; k--) Constant();
            for (int k = random.Next(4); k > 0; k--) Helper();
            Main();
            return _text.ToString();
        }

        private void Constant()
        {
            string name = $"c{_constants.Count}";
            string value = random.Next(3) switch
            {
                0 => Number(),
                1 when _constants.Count > 0 => $"{Pick(_constants)} * {Number()} + 1",
                _ => $"({Number()} - {Number()}) * 2",
            };
            _text.Append($"const {name} = {value};\n");
            _constants.Add(name);
        }

        private void Helper()
        {
            string name = $"h{_helpers.Count}";
            int inputs = 1 + random.Next(3), outputs = 1 + random.Next(3);
            int arraySize = random.Next(3) == 0 ? 2 + random.Next(2) : 0;
            var parameters = Enumerable.Range(0, inputs).Select(i => $"a{i}").ToList();
            var scalars = new List<string>(parameters);
            if (arraySize > 0)
            {
                parameters.Add($"arr[{arraySize}]");
                scalars.AddRange(Enumerable.Range(0, arraySize).Select(i => $"arr[{i}]"));
            }
            _text.Append($"\nfunction {name}({string.Join(", ", parameters)}) -> ({string.Join(", ", Enumerable.Range(0, outputs).Select(i => $"r{i}"))}) {{\n");
            for (int k = random.Next(3); k > 0; k--) Local(scalars, "    ");
            for (int i = 0; i < outputs; i++)
            {
                // Some outputs are aliases of an input: no vertex inside the helper.
                string value = random.Next(4) == 0 ? Pick(scalars) : Expression(scalars, 2);
                _text.Append($"    r{i} = {value};\n");
                scalars.Add($"r{i}");
            }
            _text.Append("}\n");
            _helpers.Add((name, inputs, outputs, arraySize));
        }

        private void Main()
        {
            int inputs = 1 + random.Next(4), size = 2 + random.Next(3);
            bool arrays = random.Next(2) == 0;
            var parameters = Enumerable.Range(0, inputs).Select(i => $"x{i}").ToList();
            var scalars = new List<string>(parameters);
            if (arrays)
            {
                parameters.Add($"v[{size}]");
                scalars.AddRange(Enumerable.Range(0, size).Select(i => $"v[{i}]"));
            }
            int outputs = 1 + random.Next(3);
            var outputNames = Enumerable.Range(0, outputs).Select(i => $"y{i}").ToList();
            if (arrays) outputNames.Add($"w[{size}]");
            _text.Append($"\nfunction main({string.Join(", ", parameters)}) -> ({string.Join(", ", outputNames)}) {{\n");
            foreach (var helper in _helpers) CallHelper(helper, scalars, arrays ? size : 0);
            for (int k = random.Next(4); k > 0; k--) Local(scalars, "    ");
            if (arrays)
            {
                _text.Append($"    for i in 0..{size} {{ // unrolled\n");
                _text.Append($"        w[{size} - 1 - i] = v[i] * {Expression(scalars, 1)};\n");
                _text.Append("    }\n");
            }
            for (int i = 0; i < outputs; i++)
            {
                string value = random.Next(5) == 0 ? Pick(scalars) : Expression(scalars, 3);
                _text.Append($"    y{i} = {value};\n");
                scalars.Add($"y{i}");
            }
            _text.Append("}\n");
        }

        private void CallHelper((string Name, int Inputs, int Outputs, int ArraySize) helper, List<string> scalars, int mainArraySize)
        {
            var arguments = Enumerable.Range(0, helper.Inputs).Select(_ => Expression(scalars, 1)).ToList();
            if (helper.ArraySize > 0)
            {
                string array = $"p{_text.Length}";
                _text.Append($"    for k in 0..{helper.ArraySize} {{ {array}[k] = {Pick(scalars)} * (k + 1); }}\n");
                arguments.Add(array);
            }
            string call = $"{helper.Name}({string.Join(", ", arguments)})";
            var targets = Enumerable.Range(0, helper.Outputs).Select(i => $"{helper.Name}_{i}").ToList();
            if (helper.Outputs == 1) _text.Append($"    {targets[0]} = {call} + {Expression(scalars, 1)};\n");
            else _text.Append($"    ({string.Join(", ", targets)}) = {call};\n");
            scalars.AddRange(targets);
        }

        private void Local(List<string> scalars, string indent)
        {
            string name = $"t{_text.Length}";
            _text.Append($"{indent}{name} = {Expression(scalars, 3)};\n");
            scalars.Add(name);
        }

        private string Expression(List<string> scalars, int depth)
        {
            if (depth == 0 || random.Next(4) == 0)
                return random.Next(4) == 0 ? (random.Next(2) == 0 && _constants.Count > 0 ? Pick(_constants) : Number()) : Pick(scalars);
            string a = Expression(scalars, depth - 1), b = Expression(scalars, depth - 1);
            return random.Next(14) switch
            {
                0 => $"{a} + {b}",
                1 => $"{a} - {b}",
                2 => $"{a} * {b}",
                3 => $"({a}) * ({b})",
                4 => $"{a} / (1 + square({b}))",
                5 => $"-{a}",
                6 => $"({a})^{1 + random.Next(3)}",
                7 => $"pow({a}, 2)",
                8 => $"{Pick(Smooth)}({a})",
                9 => $"sqrt(1 + square({a}))",
                10 => $"log(2 + sin({a}))",
                11 => $"(2 + cos({a}))^{b}",
                12 => $"atan2({a}, 2 + cos({b}))",
                _ => $"exp(sin({a})) - {b}",
            };
        }

        private string Number() => random.Next(6) switch
        {
            0 => random.Next(1, 10).ToString(CultureInfo.InvariantCulture),
            1 => "0.5",
            2 => ".25",
            3 => "1e-3",
            4 => "2.5E1",
            _ => (random.Next(1, 100) / 8.0).ToString("R", CultureInfo.InvariantCulture),
        };

        private string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];
    }
}
