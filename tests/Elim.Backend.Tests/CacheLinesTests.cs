using Elim.Backend.Emit;

namespace Elim.Backend.Tests;

/// <summary>The lines a vector of eight points writes: every result once, each whole line from at most two block vectors.</summary>
public class CacheLinesTests
{
    public static TheoryData<int, int> WidthsAndMisalignments()
    {
        var data = new TheoryData<int, int>();
        foreach (int width in new[] { 8, 9, 11, 16, 18, 121, 132 })
            for (int misalignment = 0; misalignment < CacheLines.Lanes; misalignment++) data.Add(width, misalignment);
        return data;
    }

    [Theory]
    [MemberData(nameof(WidthsAndMisalignments))]
    public void EveryEntryOfEveryPointLiesInOneLaneOfOneLine(int width, int misalignment)
    {
        var lines = CacheLines.Plan(width, misalignment, PlannedScatter.BlockStarts(width).ToArray());
        var lanes = lines.SelectMany(line => line.Entries).Where(lane => lane is not null).Select(lane => lane!.Value).ToList();
        Assert.Equal(8 * width, lanes.Count);
        Assert.Equal(8 * width, lanes.Distinct().Count());
        // In the order of their addresses, each line starting where the one before ends.
        Assert.Equal(-misalignment, lines[0].Offset);
        Assert.All(lines.Zip(lines.Skip(1)), pair => Assert.Equal(pair.First.Offset + CacheLines.Lanes, pair.Second.Offset));
        Assert.All(lanes.Select((lane, index) => (lane, index)), item =>
            Assert.Equal(item.index, item.lane.Point * width + item.lane.Entry));
    }

    [Theory]
    [MemberData(nameof(WidthsAndMisalignments))]
    public void AWholeLinePermutesAtMostTwoBlockVectorsIntoItsLanes(int width, int misalignment)
    {
        var starts = PlannedScatter.BlockStarts(width).ToArray();
        foreach (var line in CacheLines.Plan(width, misalignment, starts).Where(line => line.IsWhole))
        {
            Assert.InRange(line.Sources.Length, 1, 2);
            for (int lane = 0; lane < CacheLines.Lanes; lane++)
            {
                // vpermt2pd: 0–7 picks a lane of the first source, 8–15 of the second.
                var source = line.Sources[(int)line.Control[lane] / CacheLines.Lanes];
                int entry = starts[source.Block] + (int)line.Control[lane] % CacheLines.Lanes;
                Assert.Equal(line.Entries[lane], (source.Point, entry));
            }
        }
    }

    [Theory]
    [MemberData(nameof(WidthsAndMisalignments))]
    public void OnlyAMisalignedRegionHasPartialLinesAndOnlyAtItsEnds(int width, int misalignment)
    {
        var lines = CacheLines.Plan(width, misalignment, PlannedScatter.BlockStarts(width).ToArray());
        var partial = lines.Select((line, index) => (line, index)).Where(item => !item.line.IsWhole).Select(item => item.index).ToArray();
        Assert.Equal(misalignment == 0 ? [] : new[] { 0, lines.Count - 1 }, partial);
    }

    [Fact]
    public void AlignmentsAreDoublesPastALineAndNoneForAddressesBetweenDoubles()
    {
        unsafe
        {
            Assert.Equal(new LineAlignment(0, 3), LineAlignment.Of((double*)4096, (double*)(4096 + 24)));
            Assert.Equal(new LineAlignment(7, 1), LineAlignment.Of((double*)(64 + 56), (double*)8));
            Assert.Null(LineAlignment.Of((double*)(4096 + 4), (double*)4096));
        }
        Assert.Equal(LineAlignment.Count - 1, new LineAlignment(7, 7).Index);
    }
}
