using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// The end of an eight-lane kernel's iteration, planned from what the program knows: its staged results go to the
/// per-point layout block by block of eight entries, each by what varies in it. A block of constants is one stored row
/// per point; a block where one or two entries vary is that row with the points' values broadcast into place; any
/// other block is transposed in registers. The instructions are <see cref="ScatterEmitter"/>'s. Wide Jacobians are mostly
/// constants (PropaneCombustion: 95 of its 132 results in 6 constant blocks and 3 of two varying entries, of 17;
/// perf/results/design-measurements.md). A batch written through bounce buffers gets their constants once, before the
/// loop (<see cref="EmitConstantRows"/>): its iterations copy only the varying entries of those blocks.
/// </summary>
internal static class PlannedScatter
{
    /// <summary>The most varying entries a block blends into its constant row; more are transposed.</summary>
    public const int MostBlendedEntries = 2;

    private static readonly MethodInfo ScatterNarrow = typeof(PointScatter).GetMethod(nameof(PointScatter.ScatterNarrow))!;
    private static readonly MethodInfo CreateRow = typeof(Vector512).GetMethod(nameof(Vector512.Create), Enumerable.Repeat(typeof(double), 8).ToArray())!;

    /// <summary>Whether this processor runs the planned scatter (AVX-512, as the transposes need) for kernels of <paramref name="lanes"/>.</summary>
    public static bool Applies(int lanes) => lanes == 8 && Avx512F.IsSupported;

    /// <summary>
    /// Once before the loop of a batch written through bounce buffers: the constant rows of the blocks with at most
    /// <see cref="MostBlendedEntries"/> varying entries of staged entries [<paramref name="first"/>, <paramref name="first"/> +
    /// <paramref name="width"/>) into every point's row of <paramref name="bounce"/>, where they stay.
    /// </summary>
    public static void EmitConstantRows(ScatterEmitter emitter, JacobianProgram program, int first, int width, LocalBuilder bounce)
    {
        var (varying, constants) = Entries(program, first, width);
        foreach (int start in BlockStarts(width))
        {
            if (!Transposes(varying, start)) emitter.StoreBlendedRows(constants.AsSpan(start, 8), [], _ => { }, bounce, start, width);
        }
    }

    /// <summary>
    /// Emits the scatter of staged entries [<paramref name="first"/>, <paramref name="first"/> + <paramref name="width"/>)
    /// (outputs or the Jacobian) to the rows at <paramref name="destination"/>, or, for a batch beyond the caches, to
    /// <paramref name="bounce"/>, which holds the constants (<see cref="EmitConstantRows"/>; the caller copies it);
    /// <paramref name="pushStaged"/> pushes the staging address of an entry.
    /// </summary>
    public static void Emit(ScatterEmitter emitter, ILGenerator il, JacobianProgram program, Action<int> pushStaged, int first,
        LocalBuilder destination, int width, LocalBuilder? bounce)
    {
        var (varying, constants) = Entries(program, first, width);
        var target = bounce ?? destination;
        if (width < 8)
        {
            pushStaged(first);
            il.Emit(OpCodes.Ldloc, target);
            il.Emit(OpCodes.Ldc_I4, width);
            il.Emit(OpCodes.Call, ScatterNarrow);
        }
        foreach (int start in BlockStarts(width))
        {
            var lanes = VaryingLanes(varying, start);
            if (Transposes(varying, start))
            {
                emitter.Transpose(entry => pushStaged(first + start + entry), emitter.Rows);
                emitter.StoreRows(emitter.Rows, target, start, width);
            }
            else if (bounce is not null)
            {
                // The bounce buffer holds the constants: the varying entries alone.
                foreach (int lane in lanes) emitter.CopyEntry(() => pushStaged(first + start + lane), bounce, start + lane, width);
            }
            else emitter.StoreBlendedRows(constants.AsSpan(start, 8), lanes, lane => pushStaged(first + start + lane), destination, start, width);
        }
    }

    /// <summary>The lanes of the block at <paramref name="start"/> whose entries vary.</summary>
    internal static int[] VaryingLanes(bool[] varying, int start) =>
        Enumerable.Range(start, 8).Where(k => varying[k]).Select(k => k - start).ToArray();

    /// <summary>Whether the block at <paramref name="start"/> is transposed: more than <see cref="MostBlendedEntries"/> of its entries vary.</summary>
    internal static bool Transposes(bool[] varying, int start) => VaryingLanes(varying, start).Length > MostBlendedEntries;

    /// <summary>Pushes the eight constants of the block at <paramref name="start"/> as a vector.</summary>
    internal static void PushConstantRow(ILGenerator il, double[] constants, int start) => PushConstants(il, constants.AsSpan(start, 8));

    /// <summary>Pushes eight constants as a vector.</summary>
    internal static void PushConstants(ILGenerator il, ReadOnlySpan<double> row)
    {
        foreach (double value in row) il.Emit(OpCodes.Ldc_R8, value);
        il.Emit(OpCodes.Call, CreateRow);
    }

    /// <summary>
    /// Where the blocks of a row <paramref name="width"/> wide start: every eighth entry, and where the width is not a
    /// multiple of eight, a last block ending at the row's end, which overlaps the one before (both write the same
    /// values: cheaper than a scalar copy of the rest). None for a row narrower than a block.
    /// </summary>
    internal static IEnumerable<int> BlockStarts(int width)
    {
        if (width < 8) yield break;
        int start = 0;
        for (; start + 8 <= width; start += 8) yield return start;
        if (start < width) yield return width - 8;
    }

    /// <summary>
    /// For entries [<paramref name="first"/>, <paramref name="first"/> + <paramref name="width"/>) of the staging (outputs,
    /// then the Jacobian): which the body stores, and the constants of the others (zero where nothing is stored: the
    /// staging starts zeroed).
    /// </summary>
    internal static (bool[] Varying, double[] Constants) Entries(JacobianProgram program, int first, int width)
    {
        var varying = new bool[width];
        var constants = new double[width];
        foreach (var store in program.Stores)
        {
            int entry = (store.Target == StoreTarget.Output ? 0 : program.OutputCount) + store.Index - first;
            if (entry < 0 || entry >= width) continue;
            if (store.Value.IsConstant) constants[entry] = store.Value.Constant;
            else varying[entry] = true;
        }
        return (varying, constants);
    }
}
