using Elim.Backend.Runtime;

namespace Elim.Backend.Tests;

/// <summary>
/// <see cref="PointScatter.Scatter"/> moves every staged entry to its point's row, for both vector widths and
/// widths that leave a remainder after the transposed blocks (4×4, and 8×8 where AVX-512 runs).
/// </summary>
public unsafe class PointScatterTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void EveryEntryLandsInItsPointsRow(int lanes)
    {
        for (int width = 1; width <= 27; width++)
        {
            var staged = Enumerable.Range(0, width * lanes).Select(i => (double)i).ToArray();
            var destination = new double[width * lanes + 1];
            destination[^1] = -1;
            fixed (double* source = staged, target = destination) PointScatter.Scatter(source, target, width, lanes);
            for (int point = 0; point < lanes; point++)
            {
                for (int k = 0; k < width; k++)
                    Assert.True(staged[lanes * k + point] == destination[point * width + k], $"width {width}, point {point}, entry {k}");
            }
            Assert.Equal(-1, destination[^1]); // nothing written past the last row
        }
    }
}
