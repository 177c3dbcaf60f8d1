using Elim.Gpu.Emit;

namespace Elim.Gpu.Tests;

/// <summary>The kernels' inverse hyperbolic functions stay within a few units in the last place of <see cref="Math"/>'s.</summary>
public class KernelMathTests
{
    private const double MaxUlps = 4;

    public static TheoryData<string> Functions() => new("asinh", "acosh", "atanh");

    [Theory]
    [MemberData(nameof(Functions))]
    public void AgreesWithMathAcrossItsDomain(string name)
    {
        var (kernel, reference, low, high) = Pair(name);
        var random = new Random(7);
        double worst = 0;
        for (int k = 0; k < 200_000; k++)
        {
            // Log-uniform magnitudes cover tiny, moderate and huge arguments; domain edges come from [low, high].
            double x = k % 2 == 0 ? low + (high - low) * random.NextDouble() : Math.Exp(random.NextDouble() * 80 - 40) * (random.Next(2) * 2 - 1);
            double expected = reference(x), actual = kernel(x);
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(actual), $"{name}({x:R}) = {actual:R}, expected NaN");
                continue;
            }
            worst = Math.Max(worst, Math.Abs(actual - expected) / Ulp(expected));
        }
        Assert.True(worst <= MaxUlps, $"{name}: {worst:F1} ulps from Math.{name}");
    }

    [Theory]
    [InlineData("asinh", new[] { 0.0, -0.0, 1e-300, -1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN })]
    [InlineData("acosh", new[] { 1.0, 0.999, -1.0, 1e300, double.PositiveInfinity, double.NaN })]
    [InlineData("atanh", new[] { 0.0, -0.0, 1.0, -1.0, 1.5, -1e-300, double.NaN })]
    public void SpecialValuesMatchMath(string name, double[] arguments)
    {
        var (kernel, reference, _, _) = Pair(name);
        foreach (double x in arguments)
        {
            double expected = reference(x), actual = kernel(x);
            Assert.True(expected.Equals(actual) || Math.Abs(actual - expected) <= MaxUlps * Ulp(expected),
                $"{name}({x:R}) = {actual:R}, Math gives {expected:R}");
        }
    }

    private static (Func<double, double> Kernel, Func<double, double> Reference, double Low, double High) Pair(string name) => name switch
    {
        "asinh" => (KernelMath.Asinh, Math.Asinh, -3, 3),
        "acosh" => (KernelMath.Acosh, Math.Acosh, 0.9, 3),
        "atanh" => (KernelMath.Atanh, Math.Atanh, -1.05, 1.05),
        _ => throw new ArgumentException(name),
    };

    private static double Ulp(double x) => Math.Max(Math.BitIncrement(Math.Abs(x)) - Math.Abs(x), double.Epsilon);
}
