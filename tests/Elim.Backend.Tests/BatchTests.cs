using System.Runtime.Intrinsics;
using Elim.Backend.Emit;
using Elim.Graph;
using Elim.Testing;
using Elim.Backend.Runtime;

namespace Elim.Backend.Tests;

/// <summary>
/// Batched evaluation in both layouts, any size and thread count, equals a loop of single-point calls: bit for
/// bit where only exact operations are vectorised (RoeFlux), to rounding where vectorised transcendental functions differ.
/// </summary>
public class BatchTests
{
    public static TheoryData<int, int> SizesAndThreads() => new()
    {
        { 0, 1 }, { 1, 1 }, { 3, 1 }, { 5, 2 }, { 13, 3 }, { 103, 1 }, { 103, 4 }, { 1001, 3 },
        // Rows 8 KB apart: structure-of-arrays batches go through SoaTiles (partial tiles on three threads).
        { 1024, 1 }, { 1024, 3 },
    };

    [Theory]
    [InlineData(27, 1000, false)] // rows 8,000 bytes apart spread over every cache set
    [InlineData(27, 1024, true)] // 8 KB apart: all in one set
    [InlineData(27, 1280, true)] // 10 KB: two sets
    [InlineData(27, 1088, false)] // 8.5 KB: eight sets
    [InlineData(16, 1024, false)] // few rows fit in the set's ways
    public void StructureOfArraysBatchesUseTilesWhereRowsCrowdTheCache(int rows, int count, bool tiles) =>
        Assert.Equal(tiles, SoaTiles.Needed(rows, count));

    [Fact]
    public void A_batch_of_one_point_allocates_nothing()
    {
        // A closure allocated on every call slowed a batch of one point down (perf/results/design-measurements.md).
        var function = Compile.Jacobian(TaskGraphs.Of("PropaneCombustion"), StandardOrders.Reverse(TaskGraphs.Of("PropaneCombustion")));
        var (x, y, j) = (new double[function.InputCount], new double[function.OutputCount], new double[function.OutputCount * function.InputCount]);
        Array.Fill(x, 0.15);
        function.EvaluateBatch(x, y, j, 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) function.EvaluateBatch(x, y, j, 1);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void An_undefined_layout_is_an_argument_error_and_any_thread_count_works()
    {
        var graph = TaskGraphs.Of("RoeFlux_1d");
        var function = Compile.Jacobian(graph, StandardOrders.Reverse(graph));
        const int count = 10;
        var x = Enumerable.Range(0, count * function.InputCount).Select(i => 0.01 * (1 + i % 7)).ToArray();
        var (y, j) = (new double[count * function.OutputCount], new double[count * function.OutputCount * function.InputCount]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => function.EvaluateBatch(x, y, j, count, (BatchLayout)7));
        Assert.Equal("layout", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => function.Primal.EvaluateBatch(x, y, count, (BatchLayout)7));

        function.EvaluateBatch(x, y, j, count, threads: 1);
        var (y2, j2) = (new double[y.Length], new double[j.Length]);
        function.EvaluateBatch(x, y2, j2, count, threads: int.MaxValue);
        Assert.Equal(y, y2);
        Assert.Equal(j, j2);
    }

    [Theory]
    [MemberData(nameof(SizesAndThreads))]
    public void PerPointLayoutEqualsTheSinglePointLoop(int count, int threads)
    {
        foreach (var function in Functions()) AssertPerPointBatchEqualsTheSinglePointLoop(function, count, threads);
    }

    [Theory]
    [InlineData("RoeFlux_1d", 1, 8)]
    [InlineData("RoeFlux_1d", 2, 8)]
    [InlineData("PropaneCombustion", 1, 8)] // constant rows kept in the bounce buffer, varying entries copied into it
    [InlineData("PropaneCombustion", 1, 4)]
    public void PerPointBatchesBeyondTheCachesBounceAndStillEqualTheSinglePointLoop(string task, int threads, int lanes)
    {
        if (lanes == 8 && !Vector512.IsHardwareAccelerated) return;
        // Exact operations only: the batch equals the single-point loop bit for bit.
        var graph = TaskGraphs.Of(task);
        var function = Compile.Jacobian(graph, StandardOrders.Reverse(graph), lanes == 8 ? VectorLaneEmitter.Eight : VectorLaneEmitter.Four);
        int resultsPerPoint = function.OutputCount * (1 + function.InputCount);
        int count = (int)(PointScatter.BeyondCachesAboveBytes / sizeof(double) / resultsPerPoint) + 13;
        Assert.True(PointScatter.BeyondCaches(count, resultsPerPoint));
        // A small batch, a batch beyond the caches (a kernel of its own) and a small batch again.
        AssertPerPointBatchEqualsTheSinglePointLoop(function, 1_000 + 5, threads);
        AssertPerPointBatchEqualsTheSinglePointLoop(function, count, threads);
        AssertPerPointBatchEqualsTheSinglePointLoop(function, 1_000 + 5, threads);
    }

    [Theory]
    [InlineData("PropaneCombustion", 1)] // mostly constant rows, 11 outputs and 121 Jacobian entries a point
    [InlineData("HumanHeartDipole", 2)]
    [InlineData("RoeFlux_1d", 1)] // three outputs a point: narrower than a line
    public void BatchesBeyondTheCachesWriteTheirLinesAtEveryAlignmentAndNothingAround(string task, int threads)
    {
        if (!Vector512.IsHardwareAccelerated) return;
        var graph = TaskGraphs.Of(task);
        var function = Compile.Jacobian(graph, StandardOrders.Reverse(graph), VectorLaneEmitter.Eight);
        int resultsPerPoint = function.OutputCount * (1 + function.InputCount);
        int count = (int)(PointScatter.BeyondCachesAboveBytes / sizeof(double) / resultsPerPoint) + 13;
        var (x, expectedOutputs, expectedJacobians) = SinglePointLoop(function, count);
        const double untouched = -12345.5;
        // The outputs and the Jacobian start at each of the eight places in a cache line (pinned arrays do not move).
        for (int place = 0; place < 8; place++)
        {
            var outputs = Pinned(expectedOutputs.Length + 24, untouched);
            var jacobians = Pinned(expectedJacobians.Length + 24, untouched);
            int outputStart = StartAt(outputs, place), jacobianStart = StartAt(jacobians, 3 * place % 8);
            function.EvaluateBatch(x, outputs.AsSpan(outputStart, expectedOutputs.Length), jacobians.AsSpan(jacobianStart, expectedJacobians.Length),
                count, BatchLayout.PerPoint, threads);
            AssertSame(function, expectedOutputs, outputs[outputStart..^(24 - outputStart)]);
            AssertSame(function, expectedJacobians, jacobians[jacobianStart..^(24 - jacobianStart)]);
            Assert.All(outputs[..outputStart].Concat(outputs[^(24 - outputStart)..]), value => Assert.Equal(untouched, value));
            Assert.All(jacobians[..jacobianStart].Concat(jacobians[^(24 - jacobianStart)..]), value => Assert.Equal(untouched, value));
        }
    }

    private static double[] Pinned(int length, double value)
    {
        var array = GC.AllocateArray<double>(length, pinned: true);
        Array.Fill(array, value);
        return array;
    }

    /// <summary>The index from 8 to 15 of <paramref name="array"/> that lies <paramref name="place"/> doubles past a 64-byte boundary.</summary>
    private static unsafe int StartAt(double[] array, int place)
    {
        fixed (double* first = array) return 8 + (int)((place - (nint)first / sizeof(double) % 8 + 8) % 8);
    }

    private static void AssertPerPointBatchEqualsTheSinglePointLoop(JacobianFunction function, int count, int threads)
    {
        var (x, expectedOutputs, expectedJacobians) = SinglePointLoop(function, count);
        var outputs = new double[expectedOutputs.Length];
        var jacobians = new double[expectedJacobians.Length];
        function.EvaluateBatch(x, outputs, jacobians, count, BatchLayout.PerPoint, threads);
        AssertSame(function, expectedOutputs, outputs);
        AssertSame(function, expectedJacobians, jacobians);
    }

    [Theory]
    [MemberData(nameof(SizesAndThreads))]
    public void StructureOfArraysLayoutEqualsTheSinglePointLoop(int count, int threads)
    {
        foreach (var function in Functions())
        {
            int n = function.InputCount, m = function.OutputCount;
            var (x, expectedOutputs, expectedJacobians) = SinglePointLoop(function, count);
            var outputs = new double[expectedOutputs.Length];
            var jacobians = new double[expectedJacobians.Length];
            function.EvaluateBatch(Transpose(x, count, n), outputs, jacobians, count, BatchLayout.StructureOfArrays, threads);
            AssertSame(function, Transpose(expectedOutputs, count, m), outputs);
            AssertSame(function, Transpose(expectedJacobians, count, m * n), jacobians);
        }
    }

    [Theory]
    [InlineData(BatchLayout.PerPoint)]
    [InlineData(BatchLayout.StructureOfArrays)]
    public void PrimalBatchEqualsTheJacobianOutputs(BatchLayout layout)
    {
        foreach (var function in Functions())
        {
            const int count = 37;
            var (x, expectedOutputs, _) = SinglePointLoop(function, count);
            var outputs = new double[expectedOutputs.Length];
            bool columns = layout == BatchLayout.StructureOfArrays;
            function.Primal.EvaluateBatch(columns ? Transpose(x, count, function.InputCount) : x, outputs, count, layout, threads: 2);
            AssertSame(function, columns ? Transpose(expectedOutputs, count, function.OutputCount) : expectedOutputs, outputs);
        }
    }

    private static void AssertSame(JacobianFunction function, double[] expected, double[] actual)
    {
        if (!function.Code.Program.Instructions.Any(i => Emit.VectorMethods.IsApproximate(i.Op)))
        {
            Assert.Equal(expected, actual);
            return;
        }
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++) Close.Equal(expected[k], actual[k], $"{function.Name} [{k}]", 1e-12);
    }

    private static IEnumerable<JacobianFunction> Functions()
    {
        var roe = TaskGraphs.Of("RoeFlux_1d");
        yield return Compile.Jacobian(roe, StandardOrders.Reverse(roe));
        var robot = TaskGraphs.Of("RobotArm_6DOF");
        yield return Compile.Jacobian(robot, StandardOrders.MinimalMarkowitz(robot));
        // Wide Jacobians of mostly constants: an eight-lane kernel writes blocks of constants, blocks with one or two
        // varying entries blended in, transposed blocks, and a last block overlapping the one before.
        var propane = TaskGraphs.Of("PropaneCombustion");
        yield return Compile.Jacobian(propane, StandardOrders.Reverse(propane));
        var blocks = EveryKindOfBlock();
        yield return Compile.Jacobian(blocks, StandardOrders.Reverse(blocks));
        var random = RandomGraphs.Create(seed: 3, inputs: 4, vertices: 40);
        yield return Compile.Jacobian(random, RandomGraphs.RandomOrder(random, 1));
        // Too wide to stage four points' results on the stack: the per-point kernel writes lane by lane.
        var wide = Wide(48);
        Assert.True((wide.OutputCount + wide.OutputCount * wide.InputCount) * 32 > Emit.PointerAccess.MaxStagedBytes);
        yield return Compile.Jacobian(wide, StandardOrders.Reverse(wide));
    }

    /// <summary>
    /// Eleven inputs, four outputs (a row narrower than a block) and a Jacobian whose blocks of eight entries are, in
    /// turn: two varying, constants, constants, one varying, all varying, and a last block overlapping the one before:
    /// y0 = x0·x1, y1 = 2·x2 + x5, y2 = x3·x3, y3 = x0·x1·…·x10.
    /// </summary>
    private static ComputationalGraph EveryKindOfBlock()
    {
        var builder = new GraphBuilder("blocks");
        var x = Enumerable.Range(0, 11).Select(i => builder.AddInput($"x{i}")).ToArray();
        Operand Mul(Operand a, Operand b) => builder.Apply(OpKind.Mul, SourceSpan.None, a, b);
        builder.MarkOutput("y0", Mul(x[0], x[1]));
        builder.MarkOutput("y1", builder.Apply(OpKind.Add, SourceSpan.None, Mul(Operand.Constant(2), x[2]), x[5]));
        builder.MarkOutput("y2", Mul(x[3], x[3]));
        builder.MarkOutput("y3", x.Skip(1).Aggregate(x[0], Mul));
        return builder.Build();
    }

    /// <summary>y_i = sin(x_i)·x_(i+1) + x_(i+2), indices modulo <paramref name="size"/>.</summary>
    private static ComputationalGraph Wide(int size)
    {
        var builder = new GraphBuilder("wide");
        var x = Enumerable.Range(0, size).Select(i => builder.AddInput($"x{i}")).ToArray();
        for (int i = 0; i < size; i++)
        {
            var product = builder.Apply(OpKind.Mul, SourceSpan.None, builder.Apply(OpKind.Sin, SourceSpan.None, x[i]), x[(i + 1) % size]);
            builder.MarkOutput($"y{i}", builder.Apply(OpKind.Add, SourceSpan.None, product, x[(i + 2) % size]));
        }
        return builder.Build();
    }

    /// <summary>Per-point inputs (positive, as RoeFlux needs) and the results of calling Evaluate point by point.</summary>
    private static (double[] X, double[] Outputs, double[] Jacobians) SinglePointLoop(JacobianFunction function, int count)
    {
        int n = function.InputCount, m = function.OutputCount;
        var random = new Random(count);
        var x = Enumerable.Range(0, count * n).Select(_ => 0.05 + random.NextDouble()).ToArray();
        var outputs = new double[count * m];
        var jacobians = new double[count * m * n];
        for (int p = 0; p < count; p++)
            function.Evaluate(x.AsSpan(p * n, n), outputs.AsSpan(p * m, m), jacobians.AsSpan(p * m * n, m * n));
        return (x, outputs, jacobians);
    }

    /// <summary>count×width (per point) to width×count (structure of arrays).</summary>
    private static double[] Transpose(double[] perPoint, int count, int width)
    {
        var columns = new double[perPoint.Length];
        for (int p = 0; p < count; p++)
            for (int k = 0; k < width; k++)
                columns[k * count + p] = perPoint[p * width + k];
        return columns;
    }
}
