using Elim.Backend.Runtime;

namespace Elim.Backend.Tests;

/// <summary>
/// <see cref="PointScatter.Scatter"/> moves every staged entry to its point's row, for widths that leave a remainder
/// after the 4×4 blocks, directly and through a bounce buffer (whose copies over
/// <see cref="PointScatter.StreamAboveBytes"/> use non-temporal stores). The eight-lane kernels' scatter is emitted
/// (<c>ScatterEmitterTests</c>).
/// </summary>
public unsafe class PointScatterTests
{
    [Theory]
    [InlineData(4, false)]
    [InlineData(8, false)]
    [InlineData(4, true)]
    [InlineData(8, true)]
    public void EveryEntryLandsInItsPointsRow(int lanes, bool bounced)
    {
        foreach (int width in Enumerable.Range(1, 27).Concat([67, 131]))
        {
            var staged = Enumerable.Range(0, width * lanes).Select(i => (double)i).ToArray();
            var destination = new double[width * lanes + 1];
            destination[^1] = -1;
            var bounce = new double[width * lanes];
            fixed (double* source = staged, target = destination, buffer = bounce)
                PointScatter.Scatter(source, target, width, lanes, bounced ? buffer : null);
            for (int point = 0; point < lanes; point++)
            {
                for (int k = 0; k < width; k++)
                    Assert.True(staged[lanes * k + point] == destination[point * width + k], $"width {width}, point {point}, entry {k}");
            }
            Assert.Equal(-1, destination[^1]); // nothing written past the last row
        }
    }

    [Fact]
    public void OnlyBatchesOutgrowingTheLastLevelCacheRunTheKernelBeyondTheCaches()
    {
        Assert.False(PointScatter.BeyondCaches(points: 1_000, resultsPerPoint: 132));
        Assert.True(PointScatter.BeyondCaches(points: 100_000, resultsPerPoint: 132));
        Assert.False(PointScatter.BeyondCaches(points: 100_000, resultsPerPoint: 21)); // RoeFlux_1d: 16.8 MB, in the cache
    }
}
