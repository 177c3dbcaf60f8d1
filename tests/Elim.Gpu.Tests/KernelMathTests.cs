using Elim.Gpu.Emit;
using Elim.Graph;

namespace Elim.Gpu.Tests;

/// <summary>The kernel-safe replacements compute exactly what the CPU methods compute.</summary>
public class KernelMathTests
{
    [Fact]
    public void ErfEqualsTheGraphsErfBitForBit()
    {
        double[] special = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 6.0, -6.0, 5.999999];
        var random = new Random(3);
        foreach (double x in special.Concat(Enumerable.Range(0, 2000).Select(_ => random.NextDouble() * 16 - 8)))
            Assert.Equal(SpecialFunctions.Erf(x), KernelMath.Erf(x));
    }
}
