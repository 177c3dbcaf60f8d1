using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Elim.Backend.Emit;

/// <summary>
/// The instructions of an eight-lane kernel's scatter (<see cref="PlannedScatter"/>, <see cref="LineScatter"/>), emitted
/// as hardware intrinsics into the kernel itself: eight staged entries transposed into eight points' rows, a row stored
/// for each point, a constant row with a point's varying values blended in. Helper methods marked for inlining are not
/// enough: in a large kernel the JIT runs out of inlining budget and leaves them as calls whose vectors go through
/// memory (forward_kinematics's and newton_step's transposes did; perf/results/design-measurements.md). The locals are
/// declared once per kernel and shared by its regions: the JIT stops inlining in a method with too many locals, and the
/// vector sines and cosines of RobotArm_6DOF's kernel became calls.
/// </summary>
internal sealed class ScatterEmitter
{
    private static readonly Type Vector = typeof(Vector512<double>);
    private static readonly MethodInfo Load = typeof(Avx512F).GetMethod(nameof(Avx512F.LoadAlignedVector512), [typeof(double*)])!;
    private static readonly MethodInfo Store = typeof(Avx512F).GetMethod(nameof(Avx512F.Store), [typeof(double*), Vector])!;
    private static readonly MethodInfo UnpackLow = typeof(Avx512F).GetMethod(nameof(Avx512F.UnpackLow), [Vector, Vector])!;
    private static readonly MethodInfo UnpackHigh = typeof(Avx512F).GetMethod(nameof(Avx512F.UnpackHigh), [Vector, Vector])!;
    private static readonly MethodInfo Shuffle4x128 = typeof(Avx512F).GetMethod(nameof(Avx512F.Shuffle4x128), [Vector, Vector, typeof(byte)])!;
    private static readonly MethodInfo TernaryLogic = typeof(Avx512F).GetMethod(nameof(Avx512F.TernaryLogic), [Vector, Vector, Vector, typeof(byte)])!;
    private static readonly MethodInfo Broadcast = typeof(Vector512).GetMethod(nameof(Vector512.Create), [typeof(double)])!;
    private static readonly MethodInfo CreateLongs = typeof(Vector512).GetMethod(nameof(Vector512.Create), Enumerable.Repeat(typeof(long), 8).ToArray())!;
    private static readonly MethodInfo AsDouble = typeof(Vector512).GetMethod(nameof(Vector512.AsDouble))!.MakeGenericMethod(typeof(long));

    /// <summary><c>vpternlogq</c>'s table for "first ? second : third", bit by bit.</summary>
    private const byte Select = 0xCA;

    private readonly ILGenerator _il;
    private readonly LocalBuilder[] _interleaved, _halves;
    private readonly LocalBuilder _row, _soFar;

    /// <summary>Declares the kernel's scatter locals.</summary>
    public ScatterEmitter(ILGenerator il)
    {
        _il = il;
        (_interleaved, _halves, Rows) = (Locals(8), Locals(8), Locals(8));
        (_row, _soFar) = (il.DeclareLocal(Vector), il.DeclareLocal(Vector));
    }

    /// <summary>Eight locals for the rows of a transposed block, point by point.</summary>
    public LocalBuilder[] Rows { get; }

    /// <summary>Declares <paramref name="count"/> vector locals.</summary>
    public LocalBuilder[] Locals(int count) => [.. Enumerable.Range(0, count).Select(_ => _il.DeclareLocal(Vector))];

    /// <summary>
    /// Entries k = 0..7 of the eight points (<paramref name="pushEntry"/> pushes the staging address of entry k, its
    /// points side by side) into <paramref name="rows"/> point by point: pairs of entries interleaved, then 128-bit lanes
    /// exchanged twice; 24 shuffles.
    /// </summary>
    public void Transpose(Action<int> pushEntry, LocalBuilder[] rows)
    {
        var il = _il;
        // Each entry is loaded twice, into the low and the high interleaving: the JIT folds loads into the unpacking.
        for (int k = 0; k < 8; k++)
        {
            pushEntry(k - k % 2);
            il.Emit(OpCodes.Call, Load);
            pushEntry(k - k % 2 + 1);
            il.Emit(OpCodes.Call, Load);
            il.Emit(OpCodes.Call, k % 2 == 0 ? UnpackLow : UnpackHigh);
            il.Emit(OpCodes.Stloc, _interleaved[k]);
        }
        // Points 0 and 4 | 2 and 6 of entries 0–3 (and 4–7), then points 1 and 5 | 3 and 7.
        Halves(_interleaved[0], _interleaved[2], _halves[0], _halves[1]);
        Halves(_interleaved[1], _interleaved[3], _halves[2], _halves[3]);
        Halves(_interleaved[4], _interleaved[6], _halves[4], _halves[5]);
        Halves(_interleaved[5], _interleaved[7], _halves[6], _halves[7]);
        Halves(_halves[0], _halves[4], rows[0], rows[4]);
        Halves(_halves[2], _halves[6], rows[1], rows[5]);
        Halves(_halves[1], _halves[5], rows[2], rows[6]);
        Halves(_halves[3], _halves[7], rows[3], rows[7]);
    }

    /// <summary>Stores <paramref name="rows"/> (point by point) at entry <paramref name="entry"/> of the points' rows at <paramref name="target"/>, <paramref name="width"/> apart.</summary>
    public void StoreRows(LocalBuilder[] rows, LocalBuilder target, int entry, int width)
    {
        for (int point = 0; point < 8; point++)
        {
            PushAddress(target, point * width + entry);
            _il.Emit(OpCodes.Ldloc, rows[point]);
            _il.Emit(OpCodes.Call, Store);
        }
    }

    /// <summary>
    /// Stores, for each point, the constant row <paramref name="constants"/> with the point's values of its
    /// <paramref name="lanes"/> blended in (<paramref name="pushStaged"/> pushes the staging address of a lane's entry) at
    /// entry <paramref name="entry"/> of the points' rows at <paramref name="target"/>, <paramref name="width"/> apart.
    /// </summary>
    public void StoreBlendedRows(ReadOnlySpan<double> constants, int[] lanes, Action<int> pushStaged, LocalBuilder target, int entry, int width)
    {
        var row = ConstantRow(constants);
        for (int point = 0; point < 8; point++)
        {
            PushAddress(target, point * width + entry);
            PushBlended(row, lanes, pushStaged, point);
            _il.Emit(OpCodes.Call, Store);
        }
    }

    /// <summary>A local holding the eight <paramref name="constants"/> (until the next call).</summary>
    public LocalBuilder ConstantRow(ReadOnlySpan<double> constants)
    {
        PlannedScatter.PushConstants(_il, constants);
        _il.Emit(OpCodes.Stloc, _row);
        return _row;
    }

    /// <summary>Pushes the row in <paramref name="constants"/> with point <paramref name="point"/>'s values of <paramref name="lanes"/> blended in.</summary>
    public void PushBlended(LocalBuilder constants, int[] lanes, Action<int> pushStaged, int point)
    {
        var il = _il;
        il.Emit(OpCodes.Ldloc, constants);
        foreach (int lane in lanes)
        {
            // TernaryLogic(the lane's mask, the point's value broadcast, the row so far, select).
            il.Emit(OpCodes.Stloc, _soFar);
            PushLongs([.. Enumerable.Range(0, 8).Select(k => k == lane ? -1L : 0L)]);
            il.Emit(OpCodes.Call, AsDouble);
            PushValue(() => pushStaged(lane), point);
            il.Emit(OpCodes.Call, Broadcast);
            il.Emit(OpCodes.Ldloc, _soFar);
            il.Emit(OpCodes.Ldc_I4, (int)Select);
            il.Emit(OpCodes.Call, TernaryLogic);
        }
    }

    /// <summary>Copies the eight points' values of one staged entry (at <paramref name="pushStaged"/>'s address) to entry <paramref name="entry"/> of their rows at <paramref name="target"/>.</summary>
    public void CopyEntry(Action pushStaged, LocalBuilder target, int entry, int width)
    {
        for (int point = 0; point < 8; point++)
        {
            PushAddress(target, point * width + entry);
            PushValue(pushStaged, point);
            _il.Emit(OpCodes.Stind_R8);
        }
    }

    /// <summary>Pushes point <paramref name="point"/>'s value of the staged entry at <paramref name="pushStaged"/>'s address.</summary>
    public void PushValue(Action pushStaged, int point)
    {
        pushStaged();
        PushOffset(point);
        _il.Emit(OpCodes.Ldind_R8);
    }

    /// <summary>Pushes eight longs as a vector (a permutation's indices, a lane's mask).</summary>
    public void PushLongs(long[] values)
    {
        foreach (long value in values) _il.Emit(OpCodes.Ldc_I8, value);
        _il.Emit(OpCodes.Call, CreateLongs);
    }

    /// <summary>Pushes the address of double <paramref name="index"/> at <paramref name="rows"/>.</summary>
    public void PushAddress(LocalBuilder rows, int index)
    {
        _il.Emit(OpCodes.Ldloc, rows);
        PushOffset(index);
    }

    /// <summary>Adds <paramref name="doubles"/> doubles to the address on the stack.</summary>
    public void PushOffset(int doubles)
    {
        if (doubles == 0) return;
        _il.Emit(OpCodes.Ldc_I4, doubles * sizeof(double));
        _il.Emit(OpCodes.Conv_I);
        _il.Emit(OpCodes.Add);
    }

    /// <summary>128-bit lanes 0 and 2 of a then b into <paramref name="even"/>, lanes 1 and 3 into <paramref name="odd"/>.</summary>
    private void Halves(LocalBuilder a, LocalBuilder b, LocalBuilder even, LocalBuilder odd)
    {
        Combine(0x88, a, b, even);
        Combine(0xDD, a, b, odd);
    }

    private void Combine(int control, LocalBuilder a, LocalBuilder b, LocalBuilder result)
    {
        _il.Emit(OpCodes.Ldloc, a);
        _il.Emit(OpCodes.Ldloc, b);
        _il.Emit(OpCodes.Ldc_I4, control);
        _il.Emit(OpCodes.Call, Shuffle4x128);
        _il.Emit(OpCodes.Stloc, result);
    }
}
