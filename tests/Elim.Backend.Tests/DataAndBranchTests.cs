using Elim.Backend.Cache;
using Elim.Backend.Emit;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;
using Elim.Backend.Runtime;

namespace Elim.Backend.Tests;

/// <summary>
/// Graphs with data inputs and branches (built with <see cref="GraphBuilder"/>): the data change the values but add no
/// Jacobian column; single points and batches (both layouts and widths, several threads, sizes that leave a scalar tail)
/// agree with the interpreter; a select never lets its other arm into the value; wrong data spans are refused.
/// </summary>
public class DataAndBranchTests
{
    private static readonly ComputationalGraph Piecewise = BranchGraphs.Piecewise();

    [Fact]
    public void DataChangeTheValuesButAddNoJacobianColumn()
    {
        var function = Compile.Jacobian(Piecewise, StandardOrders.MinimalMarkowitz(Piecewise));
        Assert.Equal((2, 2, 5), (function.InputCount, function.DataCount, function.OutputCount));
        Assert.Equal(["w", "t"], function.DataNames);
        var first = function.Jacobian([0.3, 0.7], [1.5, 1.0]);
        var second = function.Jacobian([0.3, 0.7], [2.5, 0.1]);
        Assert.Equal((5, 2), (first.GetLength(0), first.GetLength(1)));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void SinglePointsAgreeWithTheInterpreterOnEveryBranch()
    {
        foreach (var order in Orders(Piecewise))
        {
            var function = Compile.Jacobian(Piecewise, order);
            foreach (var (point, data) in BranchGraphs.PiecewisePoints())
                AssertSinglePointAgrees(function, point, data);
        }
    }

    public static TheoryData<int, int> SizesAndThreads() => new() { { 37, 1 }, { 37, 3 }, { 1, 3 }, { 13, 3 } };

    [Theory]
    [MemberData(nameof(SizesAndThreads))]
    public void BatchesAgreeWithTheInterpreter(int count, int threads)
    {
        var cases = BranchGraphs.PiecewisePoints();
        var points = Enumerable.Range(0, count).Select(p => cases[p % cases.Length].Point).ToArray();
        var data = Enumerable.Range(0, count).Select(p => cases[p % cases.Length].Data).ToArray();
        BatchMatchesInterpreterTests.AssertBatchAgrees(Piecewise, StandardOrders.Reverse(Piecewise), points, data, threads);
    }

    [Fact]
    public void RandomGraphsWithDataAndBranchesAgreeWithTheInterpreter()
    {
        for (int seed = 0; seed < 24; seed++)
        {
            var graph = BranchGraphs.Random(seed, inputs: 1 + seed % 4, data: 1 + seed % 3, vertices: 10 + seed % 30);
            var order = RandomGraphs.RandomOrder(graph, seed);
            int count = 11 + seed % 7;
            var points = Enumerable.Range(0, count).Select(p => RandomGraphs.RandomPoint(graph, 100 * seed + p)).ToArray();
            var data = Enumerable.Range(0, count).Select(p => BranchGraphs.RandomData(graph, 100 * seed + p)).ToArray();
            var function = Compile.Jacobian(graph, order);
            for (int p = 0; p < count; p++) AssertSinglePointAgrees(function, points[p], data[p]);
            BatchMatchesInterpreterTests.AssertBatchAgrees(graph, order, points, data, threads: 1 + seed % 3);
        }
    }

    [Theory]
    [MemberData(nameof(RandomArrayPrograms.Seeds), MemberType = typeof(RandomArrayPrograms))]
    public void RandomArrayProgramsAgreeWithTheInterpreter(int seed)
    {
        // Arrays, branches, data and grad from the frontend; 19 points leave a scalar tail after vectors of four or eight.
        var graph = ElimFrontend.Compile(RandomArrayPrograms.Generate(seed), $"arrays{seed}.elim");
        var order = RandomGraphs.RandomOrder(graph, seed);
        var (points, data) = RandomArrayPrograms.Points(graph, seed, 19);
        var function = Compile.Jacobian(graph, order);
        for (int p = 0; p < 3; p++) AssertSinglePointAgrees(function, points[p], data[p]);
        BatchMatchesInterpreterTests.AssertBatchAgrees(graph, order, points, data, threads: 1);
        BatchMatchesInterpreterTests.AssertBatchAgrees(graph, order, points, data, threads: 3);
    }

    [Theory]
    [InlineData(BatchLayout.StructureOfArrays)]
    [InlineData(BatchLayout.PerPoint)]
    public void StructureOfArraysTilesCarryTheData(BatchLayout layout)
    {
        // Rows 8 KB apart crowd the cache: structure-of-arrays batches go through SoaTiles, data rows included.
        var graph = BranchGraphs.Random(seed: 7, inputs: 4, data: 3, vertices: 40);
        var program = Compile.Jacobian(graph, StandardOrders.Forward(graph)).Code.Program;
        Assert.True(SoaTiles.Needed(program.InputCount + program.DataCount + program.OutputCount + program.JacobianSize, 1024));
        var points = Enumerable.Range(0, 1024).Select(p => RandomGraphs.RandomPoint(graph, p)).ToArray();
        var data = Enumerable.Range(0, 1024).Select(p => BranchGraphs.RandomData(graph, -p)).ToArray();
        var function = Compile.Jacobian(graph, StandardOrders.Forward(graph), VectorLaneEmitter.Widest);
        int m = function.OutputCount, n = function.InputCount;
        var outputs = new double[1024 * m];
        var jacobians = new double[1024 * m * n];
        function.EvaluateBatch(Batches.Lay(points, layout), Batches.Lay(data, layout), outputs, jacobians, 1024, layout, threads: 3);
        for (int p = 0; p < 1024; p += 97)
        {
            var (single, singleJacobian) = At(function, points[p], data[p]);
            for (int o = 0; o < m; o++) Close.Equal(single[o], outputs[Batches.Index(layout, p, o, m, 1024)], $"point {p} y[{o}]");
            for (int e = 0; e < m * n; e++) Close.Equal(singleJacobian[e], jacobians[Batches.Index(layout, p, e, m * n, 1024)], $"point {p} J[{e}]");
        }
    }

    [Fact]
    public void TheArmNotPickedNeverReachesTheValue()
    {
        // y = x > 0 ? √x : ln(−x) + x: at x = −e the picked arm is 1 − e, while √x is NaN there; at x = 4, ln(−x) is NaN.
        var builder = new GraphBuilder("root");
        var x = builder.AddInput("x");
        var positive = builder.Apply(OpKind.Less, SourceSpan.None, Operand.Constant(0), x);
        var root = builder.Apply(OpKind.Sqrt, SourceSpan.None, x);
        var other = builder.Apply(OpKind.Add, SourceSpan.None, builder.Apply(OpKind.Log, SourceSpan.None, builder.Apply(OpKind.Neg, SourceSpan.None, x)), x);
        builder.MarkOutput("y", builder.Apply(OpKind.Select, SourceSpan.None, positive, root, other));
        var graph = builder.Build();
        double[] xs = [-Math.E, 4.0, -Math.E, 4.0, -Math.E, 4.0, -Math.E, 4.0, -Math.E];
        foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
        {
            var function = Compile.Jacobian(graph, StandardOrders.Reverse(graph), lanes);
            var outputs = new double[xs.Length];
            function.EvaluateBatch(xs, outputs, new double[xs.Length], xs.Length);
            Assert.All(outputs, (y, p) => Assert.Equal(xs[p] > 0 ? 2.0 : 1 - Math.E, y, 1e-15));
            Assert.Equal(1 - Math.E, At(function, [-Math.E], []).Outputs[0], 1e-15);
        }
    }

    [Fact]
    public void WrongDataSpansAreRefusedNamingTheSpan()
    {
        var function = Compile.Jacobian(Piecewise, StandardOrders.Forward(Piecewise));
        var error = Assert.Throws<ArgumentException>(() => function.Evaluate([1.0, 2.0], new double[5], new double[10]));
        Assert.Equal("data", error.ParamName);
        Assert.Equal("'piecewise' needs 2 values in data (2 data values); the span holds 0. (Parameter 'data')", error.Message);
        error = Assert.Throws<ArgumentException>(() => function.EvaluateBatch(new double[6], new double[5], new double[15], new double[30], 3));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("3 points × 2 data values", error.Message);
        error = Assert.Throws<ArgumentException>(() => function.Primal.Evaluate([1.0, 2.0], [1.0], new double[5]));
        Assert.Equal("data", error.ParamName);
        var plain = RandomGraphs.Create(seed: 5, inputs: 2, vertices: 8);
        var noData = Compile.Jacobian(plain, StandardOrders.Forward(plain));
        error = Assert.Throws<ArgumentException>(() => noData.Evaluate([1.0, 2.0], [3.0], new double[noData.OutputCount], new double[2 * noData.OutputCount]));
        Assert.Contains("needs 0 values in data", error.Message);
    }

    [Theory]
    [InlineData(BatchLayout.PerPoint)]
    [InlineData(BatchLayout.StructureOfArrays)]
    public void ThePrimalWithDataGivesTheJacobiansOutputs(BatchLayout layout)
    {
        var function = Compile.Jacobian(Piecewise, StandardOrders.Forward(Piecewise));
        var cases = BranchGraphs.PiecewisePoints();
        var (points, data) = (cases.Select(c => c.Point).ToArray(), cases.Select(c => c.Data).ToArray());
        var expected = new double[cases.Length * 5];
        function.EvaluateBatch(Batches.Lay(points, layout), Batches.Lay(data, layout), expected, new double[cases.Length * 10], cases.Length, layout);
        var outputs = new double[expected.Length];
        function.Primal.EvaluateBatch(Batches.Lay(points, layout), Batches.Lay(data, layout), outputs, cases.Length, layout, threads: 2);
        Assert.Equal(expected, outputs);
        Assert.Equal(2, function.Primal.DataCount);
        var single = new double[5];
        function.Primal.Evaluate(points[0], data[0], single);
        Assert.Equal(Interpreter.Evaluate(Piecewise, points[0], data[0]), single);
    }

    [Fact]
    public void GraphsThatDifferOnlyInTheirDataGetTheirOwnCode()
    {
        var cache = new CodeCache();
        var codes = new[] { Product(Operand.Data(0), data: 2), Product(Operand.Data(1), data: 2), Product(Operand.Data(0), data: 1),
            Product(Operand.Constant(2), data: 0), Product(Operand.Input(1), data: 0) }
            .Select(g => JacobianCompiler.Compile(g, StandardOrders.Forward(g), cache).Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var again = Product(Operand.Data(1), data: 2);
        Assert.Same(codes[1], JacobianCompiler.Compile(again, StandardOrders.Forward(again), cache).Code);

        // y = x·factor, in a graph with two inputs and data inputs d0, d1, … (only the first `data` are declared).
        static ComputationalGraph Product(Operand factor, int data)
        {
            var builder = new GraphBuilder("product");
            var x = builder.AddInput("x");
            builder.AddInput("z");
            for (int k = 0; k < data; k++) builder.AddData($"d{k}");
            builder.MarkOutput("y", builder.Apply(OpKind.Mul, SourceSpan.None, x, factor));
            return builder.Build();
        }
    }

    [Fact]
    public void TheProgramPrintsDataComparisonsAndSelects()
    {
        var builder = new GraphBuilder("clip");
        var x = builder.AddInput("x");
        var limit = builder.AddData("limit");
        builder.MarkOutput("y", builder.Apply(OpKind.Select, SourceSpan.None, builder.Apply(OpKind.Less, SourceSpan.None, x, limit), x, limit));
        var graph = builder.Build();
        // y = x < limit ? x : limit; ∂y/∂x is the truth of the condition, the select's partial to the arm it picks.
        Assert.Equal("""
            // 1 inputs, 1 data inputs, 1 outputs, 1 Jacobian entries; 5 instructions in 3 registers; emitted cost 0, Markowitz cost 0
            r0 = x[0]
            r1 = data[0]
            r2 = less r0, r1
            r1 = select r2, r0, r1
            y[0] = r1
            r2 = notequal r2, 0
            J[0,0] = r2
            """.ReplaceLineEndings("\n") + "\n", Compile.Jacobian(graph, StandardOrders.Forward(graph)).Dump());
    }

    private static void AssertSinglePointAgrees(JacobianFunction function, double[] point, double[] data)
    {
        var graph = function.Graph;
        string where = $"{graph.Name} at ({string.Join(", ", point)}) with data ({string.Join(", ", data)})";
        var (outputs, jacobian) = At(function, point, data);
        var expected = Interpreter.Evaluate(graph, point, data);
        for (int o = 0; o < expected.Length; o++) Close.Equal(expected[o], outputs[o], $"{where}: y[{o}]");
        JacobianComparison.AssertClose(Interpreter.EliminationJacobian(graph, point, function.Order, data), ToMatrix(jacobian, graph),
            Close.Tolerance, where, scale: RoundingScale.Of(graph, point, data));
    }

    private static (double[] Outputs, double[] Jacobian) At(JacobianFunction function, double[] x, double[] data)
    {
        var outputs = new double[function.OutputCount];
        var jacobian = new double[function.OutputCount * function.InputCount];
        function.Evaluate(x, data, outputs, jacobian);
        return (outputs, jacobian);
    }

    private static double[,] ToMatrix(double[] rowMajor, ComputationalGraph graph)
    {
        var matrix = new double[graph.OutputCount, graph.InputCount];
        Buffer.BlockCopy(rowMajor, 0, matrix, 0, rowMajor.Length * sizeof(double));
        return matrix;
    }

    private static IEnumerable<EliminationOrder> Orders(ComputationalGraph graph) =>
        [StandardOrders.Forward(graph), StandardOrders.Reverse(graph), StandardOrders.MinimalMarkowitz(graph)];
}
