using Elim.Backend.Cache;
using Elim.Backend.Cpu;
using Elim.Backend.Emit;
using Elim.Backend.Lowering;
using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>Compiles test functions into a private cache so tests do not share state.</summary>
public static class Compile
{
    private static readonly CodeCache Cache = new(capacity: 4096);

    public static JacobianFunction Jacobian(ComputationalGraph graph, EliminationOrder order) =>
        JacobianCompiler.Compile(graph, order, Cache);

    /// <summary>Compiled with vector kernels of <paramref name="lanes"/> (not the processor's widest), outside the cache.</summary>
    public static JacobianFunction Jacobian(ComputationalGraph graph, EliminationOrder order, VectorLaneEmitter lanes) =>
        new(graph, order, "explicit", new CompiledCode(ProgramLowering.Jacobian(graph, order), JacobianCompiler.TypeName(graph, "Jacobian"), lanes),
            () => JacobianCompiler.CompilePrimal(graph, Cache));

    /// <summary>Compiled outputs and row-major Jacobian at one point (with the data inputs <paramref name="data"/>).</summary>
    public static (double[] Outputs, double[] Jacobian) At(JacobianFunction function, double[] x, double[]? data = null)
    {
        var outputs = new double[function.OutputCount];
        var jacobian = new double[function.OutputCount * function.InputCount];
        function.Evaluate(x, data ?? [], outputs, jacobian);
        return (outputs, jacobian);
    }
}
