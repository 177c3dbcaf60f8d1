using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Cpu;

/// <summary>
/// The machine code of one program: scalar and four-lane batch kernels for both layouts, emitted as static
/// methods of one type in a collectible assembly (freed when no longer referenced). Each method is
/// compiled by the JIT on its first call. Immutable and thread-safe.
/// </summary>
public sealed unsafe class CompiledCode
{
    private readonly BatchKernel _scalarPerPoint;
    private readonly BatchKernel _vectorPerPoint;
    private readonly BatchKernel _scalarColumns;
    private readonly BatchKernel _vectorColumns;

    /// <summary>Emits the kernels of <paramref name="program"/>; <paramref name="name"/> names the type.</summary>
    public CompiledCode(JacobianProgram program, string name)
    {
        Program = program;
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Elim.Emitted." + name), AssemblyBuilderAccess.RunAndCollect);
        var type = assembly.DefineDynamicModule("Elim.Emitted").DefineType(
            "Elim.Emitted." + name, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        KernelEmitter.Define(type, "ScalarPerPoint", program, BatchLayout.PerPoint, vector: false);
        KernelEmitter.Define(type, "VectorPerPoint", program, BatchLayout.PerPoint, vector: true);
        KernelEmitter.Define(type, "ScalarColumns", program, BatchLayout.StructureOfArrays, vector: false);
        KernelEmitter.Define(type, "VectorColumns", program, BatchLayout.StructureOfArrays, vector: true);
        Type = type.CreateType();
        _scalarPerPoint = Kernel("ScalarPerPoint");
        _vectorPerPoint = Kernel("VectorPerPoint");
        _scalarColumns = Kernel("ScalarColumns");
        _vectorColumns = Kernel("VectorColumns");
    }

    /// <summary>The program the kernels run.</summary>
    public JacobianProgram Program { get; }

    /// <summary>The emitted type holding the kernels as public static methods.</summary>
    public Type Type { get; }

    /// <summary>Evaluates one point (per-point layout of a batch of 1). Pointers must be valid for the program's sizes.</summary>
    public void RunPoint(double* x, double* y, double* jacobian) => _scalarPerPoint(x, y, jacobian, 0, 1, 1);

    /// <summary>
    /// Evaluates <paramref name="count"/> points with the given layout on up to <paramref name="threads"/> threads,
    /// four points per vector and the remainder with the scalar kernel.
    /// </summary>
    public void RunBatch(double* x, double* y, double* jacobian, int count, BatchLayout layout, int threads)
    {
        var (vector, scalar) = layout == BatchLayout.PerPoint
            ? (_vectorPerPoint, _scalarPerPoint)
            : (_vectorColumns, _scalarColumns);
        int lanes = VectorLaneEmitter.Lanes;
        int chunk = (count + threads - 1) / Math.Max(threads, 1);
        chunk = (chunk + lanes - 1) / lanes * lanes;
        if (threads <= 1 || chunk >= count)
        {
            RunRange(vector, scalar, x, y, jacobian, 0, count, count);
            return;
        }
        nint xs = (nint)x, ys = (nint)y, js = (nint)jacobian;
        int chunks = (count + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
            RunRange(vector, scalar, (double*)xs, (double*)ys, (double*)js, c * chunk, Math.Min(count, (c + 1) * chunk), count));
    }

    private static void RunRange(BatchKernel vector, BatchKernel scalar, double* x, double* y, double* jacobian, int start, int end, int stride)
    {
        int vectorEnd = start + (end - start) / VectorLaneEmitter.Lanes * VectorLaneEmitter.Lanes;
        if (vectorEnd > start) vector(x, y, jacobian, start, vectorEnd, stride);
        if (end > vectorEnd) scalar(x, y, jacobian, vectorEnd, end, stride);
    }

    private BatchKernel Kernel(string name) =>
        Type.GetMethod(name)!.CreateDelegate<BatchKernel>();
}
