using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Export;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>
/// Programs of about 10⁴ vertices: their code is cut into methods that each stay far below the .NET JIT's size limits
/// (past which it compiles without optimising), and the compiled Jacobians still agree with the reference interpreter,
/// at single points, in batches of both layouts and widths, and exported.
/// </summary>
public sealed class BigProgramTests : IDisposable
{
    /// <summary>Locals past which the JIT stops inlining (it stops optimising at 2,000).</summary>
    private const int InliningLocals = 512;

    /// <summary>IL bytes past which the JIT stops optimising.</summary>
    private const int JitCodeSize = 60_000;

    private static readonly Lazy<ComputationalGraph> Big = new(() =>
        ElimFrontend.Compile(RandomBigPrograms.Generate(statements: 5_000, seed: 3), "big.elim"));

    private readonly string _directory = Directory.CreateTempSubdirectory("elim-big-").FullName;

    [Fact]
    public void TheProgramIsBig()
    {
        Assert.InRange(Big.Value.VertexCount, 8_000, 20_000);
    }

    [Fact]
    public void EveryKernelIsCutIntoMethodsTheJitOptimises()
    {
        var graph = Big.Value;
        var code = Compile.Jacobian(graph, StandardOrders.Reverse(graph)).Code;
        foreach (var layout in Enum.GetValues<BatchLayout>())
        {
            foreach (bool vector in (bool[])[false, true])
            {
                var methods = code.Methods(layout, vector);
                Assert.True(methods.Count > 1, $"{layout}, vector {vector}: one method for {code.Program.Instructions.Count} instructions");
                Assert.All(methods, method => Assert.InRange(((DynamicMethod)method).GetILGenerator().ILOffset, 1, JitCodeSize));
            }
        }
    }

    [Fact]
    public void CallsOfTheChunkedCodeAllocateNothing()
    {
        var graph = Big.Value;
        var function = Compile.Jacobian(graph, StandardOrders.Reverse(graph));
        const int count = 11;  // vectors and a scalar remainder
        var (x, y, j) = (new double[count * function.InputCount], new double[count * function.OutputCount],
            new double[count * function.OutputCount * function.InputCount]);
        for (int p = 0; p < count; p++) RandomPoint(graph, p).CopyTo(x, p * function.InputCount);
        var (point, pointY, pointJ) = (x[..function.InputCount], y[..function.OutputCount], j[..(function.OutputCount * function.InputCount)]);
        var allocated = new List<long>();
        for (int window = 0; window < 6; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                function.Evaluate(point, pointY, pointJ);
                function.EvaluateBatch(x, y, j, count);
            }
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        // The runtime's own one-off work (the first calls, tiering) may allocate in a window; code that allocates per
        // call (an enumerator of the chunks did: 32 bytes a point, 96 a batch) allocates in every window.
        Assert.Contains(0L, allocated);
    }

    [Fact]
    public void SinglePointsAgreeWithTheInterpreter()
    {
        var graph = Big.Value;
        foreach (var order in (EliminationOrder[])[StandardOrders.Reverse(graph), StandardOrders.Forward(graph)])
        {
            var compiled = Compile.Jacobian(graph, order);
            for (int seed = 0; seed < 2; seed++)
                CompiledMatchesInterpreterTests.AssertAgrees(graph, order, compiled, RandomPoint(graph, seed));
        }
    }

    [Fact]
    public void BatchesAgreeWithTheInterpreter()
    {
        var graph = Big.Value;
        // 11 points: vectors of four or eight and a scalar remainder of three, which the scalar chunks run a point a call.
        var points = Enumerable.Range(0, 11).Select(seed => RandomPoint(graph, seed)).ToArray();
        // Reverse keeps the elimination's sequence; forward's program runs depth first (it keeps fewer values alive so).
        foreach (var order in (EliminationOrder[])[StandardOrders.Reverse(graph), StandardOrders.Forward(graph)])
            BatchMatchesInterpreterTests.AssertBatchAgrees(graph, order, points);
    }

    [Fact]
    public void TheExportedAssemblyIsCutTooAndAgrees()
    {
        var graph = Big.Value;
        var order = StandardOrders.Reverse(graph);
        var exported = AssemblyExporter.Export(graph, order, Path.Combine(_directory, "big.dll"));
        var point = RandomPoint(graph, 1);
        ExportTests.WithLoaded(exported.Path, assembly =>
        {
            var type = assembly.GetType(exported.TypeName)!;
            var methods = type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
            Assert.True(methods.Length > 10, $"{methods.Length} methods");
            foreach (var method in methods)
            {
                var body = method.GetMethodBody()!;
                Assert.InRange(body.LocalVariables.Count, 0, InliningLocals);
                Assert.InRange(body.GetILAsByteArray()!.Length, 1, JitCodeSize);
            }
            ExportTests.AssertJacobianAsCompiled(type, graph, order, point);
        });
    }

    /// <summary>A point in [−1, 1]ⁿ, where the generated programs keep every value bounded.</summary>
    internal static double[] RandomPoint(ComputationalGraph graph, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, graph.InputCount).Select(_ => 2 * random.NextDouble() - 1).ToArray();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
