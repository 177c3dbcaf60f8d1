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
/// other block is transposed in registers (<see cref="PointScatter.TransposeEight"/>). Wide Jacobians are mostly
/// constants (PropaneCombustion: 95 of its 132 results in 6 constant blocks and 3 of two varying entries, of 17;
/// perf/results/design-measurements.md).
/// </summary>
internal static class PlannedScatter
{
    /// <summary>The most varying entries a block blends into its constant row; more are transposed.</summary>
    public const int MostBlendedEntries = 2;

    private static readonly MethodInfo Target = Method(nameof(PointScatter.Target));
    private static readonly MethodInfo FinishBounce = Method(nameof(PointScatter.FinishBounce));
    private static readonly MethodInfo ScatterNarrow = Method(nameof(PointScatter.ScatterNarrow));
    private static readonly MethodInfo TransposeEight = Method(nameof(PointScatter.TransposeEight));
    private static readonly MethodInfo[] StoreRow =
        [.. typeof(PointScatter).GetMethods().Where(m => m.Name == nameof(PointScatter.StoreRow)).OrderBy(m => m.GetParameters().Length)];
    private static readonly MethodInfo CreateRow = typeof(Vector512).GetMethod(nameof(Vector512.Create), Enumerable.Repeat(typeof(double), 8).ToArray())!;

    /// <summary>Whether this processor runs the planned scatter (AVX-512, as the transposes need) for kernels of <paramref name="lanes"/>.</summary>
    public static bool Applies(int lanes) => lanes == 8 && Avx512F.IsSupported;

    /// <summary>
    /// Emits the scatter of staged entries [<paramref name="first"/>, <paramref name="first"/> + <paramref name="width"/>)
    /// (outputs or the Jacobian) to the rows at <paramref name="destination"/>, through <paramref name="bounce"/> when it
    /// is set; <paramref name="pushStaged"/> pushes the staging address of an entry.
    /// </summary>
    public static void Emit(ILGenerator il, JacobianProgram program, Action<int> pushStaged, int first, LocalBuilder destination,
        int width, LocalBuilder bounce)
    {
        var (varying, constants) = Entries(program, first, width);
        var target = il.DeclareLocal(typeof(nint));
        il.Emit(OpCodes.Ldloc, destination);
        il.Emit(OpCodes.Ldloc, bounce);
        il.Emit(OpCodes.Call, Target);
        il.Emit(OpCodes.Stloc, target);

        if (width < 8)
        {
            pushStaged(first);
            il.Emit(OpCodes.Ldloc, target);
            il.Emit(OpCodes.Ldc_I4, width);
            il.Emit(OpCodes.Call, ScatterNarrow);
        }
        foreach (int start in BlockStarts(width))
        {
            var lanes = Enumerable.Range(start, 8).Where(k => varying[k]).Select(k => k - start).ToArray();
            if (lanes.Length > MostBlendedEntries)
            {
                pushStaged(first + start);
                PushTarget(start);
                il.Emit(OpCodes.Ldc_I4, width);
                il.Emit(OpCodes.Call, TransposeEight);
                continue;
            }
            for (int k = start; k < start + 8; k++) il.Emit(OpCodes.Ldc_R8, constants[k]);
            il.Emit(OpCodes.Call, CreateRow);
            foreach (int lane in lanes)
            {
                il.Emit(OpCodes.Ldc_I4, lane);
                pushStaged(first + start + lane);
            }
            PushTarget(start);
            il.Emit(OpCodes.Ldc_I4, width);
            il.Emit(OpCodes.Call, StoreRow[lanes.Length]);
        }
        il.Emit(OpCodes.Ldloc, bounce);
        il.Emit(OpCodes.Ldloc, destination);
        il.Emit(OpCodes.Ldc_I4, 8 * width);
        il.Emit(OpCodes.Call, FinishBounce);

        void PushTarget(int entry)
        {
            il.Emit(OpCodes.Ldloc, target);
            if (entry == 0) return;
            il.Emit(OpCodes.Ldc_I4, entry * sizeof(double));
            il.Emit(OpCodes.Conv_I);
            il.Emit(OpCodes.Add);
        }
    }

    /// <summary>
    /// Where the blocks of a row <paramref name="width"/> wide start: every eighth entry, and where the width is not a
    /// multiple of eight, a last block ending at the row's end, which overlaps the one before (both write the same
    /// values: cheaper than a scalar copy of the rest). None for a row narrower than a block.
    /// </summary>
    private static IEnumerable<int> BlockStarts(int width)
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
    private static (bool[] Varying, double[] Constants) Entries(JacobianProgram program, int first, int width)
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

    private static MethodInfo Method(string name) => typeof(PointScatter).GetMethod(name)!;
}
