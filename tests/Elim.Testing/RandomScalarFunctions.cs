using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Seeded random scalar helpers for gradient tests: compositions of every <see cref="OpKind"/> (kept in
/// their domains by <see cref="DomainSafe"/>), reading parameters, data inputs and constants.
/// </summary>
public static class RandomScalarFunctions
{
    /// <summary>
    /// A helper with <paramref name="parameters"/> parameters and <paramref name="data"/> data inputs that
    /// applies <paramref name="operations"/> random operations; its output is the sum of every value no
    /// operation reads, so each operation reaches it.
    /// </summary>
    public static ScalarFunction Create(int seed, int parameters, int data, int operations) =>
        new($"random{seed}", parameters, data, (builder, x, d) => Body(new Random(seed), builder, x, d, operations));

    private static Operand Body(Random random, GraphBuilder builder, IReadOnlyList<Operand> parameters, IReadOnlyList<Operand> data,
        int operations)
    {
        var kinds = Enum.GetValues<OpKind>();
        var values = parameters.ToList();
        var unread = new HashSet<Operand>(values);
        Operand Pick()
        {
            double draw = random.NextDouble();
            if (draw < 0.08) return Operand.Constant(Math.Round(random.NextDouble() * 4 - 2, 2));
            if (draw < 0.16 && data.Count > 0) return data[random.Next(data.Count)];
            // Prefer recent values so compositions are deep, not flat.
            int index = values.Count - 1 - (int)Math.Min(values.Count - 1, Math.Floor(-Math.Log(1 - random.NextDouble()) * 4));
            unread.Remove(values[index]);
            return values[index];
        }
        for (int k = 0; k < operations; k++)
        {
            var result = DomainSafe.Apply(builder, kinds[random.Next(kinds.Length)], Pick, random.Next(-3, 4));
            if (result.Kind == OperandKind.Vertex && unread.Add(result)) values.Add(result);
        }
        var sinks = values.Where(unread.Contains).ToList();
        return sinks.Skip(1).Aggregate(sinks[0], (sum, value) => builder.Apply(OpKind.Add, SourceSpan.None, sum, value));
    }
}
