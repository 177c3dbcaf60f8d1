namespace Elim.Search.Agent.Training;

/// <summary>
/// A small seeded generator (SplitMix64) whose whole state is one number, so a checkpoint can store it and
/// a resumed run continues the same stream.
/// </summary>
public sealed class AgentRandom(ulong state)
{
    /// <summary>The current state (save it to resume the stream).</summary>
    public ulong State { get; private set; } = state;

    /// <summary>A generator seeded from <paramref name="seed"/>.</summary>
    public static AgentRandom FromSeed(int seed) => new(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        ulong z = State += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public int Between(int low, int high) => low + Next(high - low + 1);

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());

    /// <summary>A standard Gumbel sample, −log(−log U).</summary>
    public double Gumbel() => -Math.Log(-Math.Log(Math.Max(NextDouble(), 1e-300)));
}
