using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Elim.Backend.Runtime;

namespace Elim.Backend.Tests;

/// <summary>
/// <see cref="PointScatter.Scatter"/> moves every staged entry to its point's row, for widths that leave a remainder
/// after the 4×4 blocks, directly and through a bounce buffer (whose copies over
/// <see cref="PointScatter.StreamAboveBytes"/> use non-temporal stores); the pieces of an eight-lane kernel's planned
/// scatter (AVX-512) each write their block's rows.
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
    public void A_transposed_block_writes_each_points_eight_entries_and_nothing_else()
    {
        if (!Avx512F.IsSupported) return;
        const int width = 11;
        var staged = Enumerable.Range(0, 64).Select(i => (double)i).ToArray();
        var rows = new double[8 * width];
        Array.Fill(rows, -1);
        fixed (double* source = staged, target = rows) PointScatter.TransposeEight(source, target + 2, width);
        for (int point = 0; point < 8; point++)
        {
            for (int k = 0; k < width; k++)
            {
                double expected = k is >= 2 and < 10 ? staged[8 * (k - 2) + point] : -1;
                Assert.True(expected == rows[point * width + k], $"point {point}, entry {k}");
            }
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 0, 7 })]
    public void A_row_of_constants_gets_each_points_varying_entries_blended_in(int[] varying)
    {
        if (!Avx512F.IsSupported) return;
        const int width = 9;
        var constants = Enumerable.Range(0, 8).Select(k => 100.0 + k).ToArray();
        var staged = Enumerable.Range(0, 64).Select(i => (double)i).ToArray();
        var rows = new double[8 * width];
        Array.Fill(rows, -1);
        var row = Vector512.Create(constants);
        fixed (double* values = staged, target = rows)
        {
            // Entry `lane` of the block staged at values + 8·lane, as the kernel stages it.
            if (varying.Length == 0) PointScatter.StoreRow(row, target + 1, width);
            else if (varying.Length == 1) PointScatter.StoreRow(row, varying[0], values + 8 * varying[0], target + 1, width);
            else PointScatter.StoreRow(row, varying[0], values + 8 * varying[0], varying[1], values + 8 * varying[1], target + 1, width);
        }
        for (int point = 0; point < 8; point++)
        {
            Assert.Equal(-1, rows[point * width]);
            for (int lane = 0; lane < 8; lane++)
            {
                double expected = varying.Contains(lane) ? staged[8 * lane + point] : constants[lane];
                Assert.True(expected == rows[point * width + 1 + lane], $"point {point}, lane {lane}");
            }
        }
    }

    [Fact]
    public void A_copied_entry_lands_in_each_points_row_and_nothing_else_changes()
    {
        const int width = 13;
        var staged = Enumerable.Range(0, 8).Select(i => 10.0 + i).ToArray();
        var rows = new double[8 * width];
        Array.Fill(rows, -1);
        fixed (double* source = staged, target = rows) PointScatter.CopyEntry(source, target + 3, width);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(i % width == 3 ? 10.0 + i / width : -1, rows[i]);
    }

    [Fact]
    public void OnlyBatchesOutgrowingTheLastLevelCacheRunTheKernelBeyondTheCaches()
    {
        Assert.False(PointScatter.BeyondCaches(points: 1_000, resultsPerPoint: 132));
        Assert.True(PointScatter.BeyondCaches(points: 100_000, resultsPerPoint: 132));
        Assert.False(PointScatter.BeyondCaches(points: 100_000, resultsPerPoint: 21)); // RoeFlux_1d: 16.8 MB, in the cache
    }
}
