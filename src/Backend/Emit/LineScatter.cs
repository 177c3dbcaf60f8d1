using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// The end of an eight-lane kernel's iteration for a batch beyond the caches whose destination's place in its cache lines
/// is known when the kernel is emitted: <see cref="PlannedScatter"/>'s block vectors (transposed in registers, constant
/// rows, constant rows with one or two values blended in) are permuted into whole lines (<see cref="CacheLines"/>), each
/// written to memory with one non-temporal store, straight from registers: no bounce buffer and no copy, and the
/// stores overlap the arithmetic (perf/results/design-measurements.md). A line of constants is a constant store; the
/// partial lines at the region's ends, shared with the neighbouring vectors' points, are written entry by entry.
/// Programs whose rows are narrower than a line keep the planned scatter.
/// </summary>
internal sealed class LineScatter
{
    private static readonly Type Vector = typeof(Vector512<double>);
    private static readonly MethodInfo Load = typeof(Avx512F).GetMethod(nameof(Avx512F.LoadAlignedVector512), [typeof(double*)])!;
    private static readonly MethodInfo UnpackLow = typeof(Avx512F).GetMethod(nameof(Avx512F.UnpackLow), [Vector, Vector])!;
    private static readonly MethodInfo UnpackHigh = typeof(Avx512F).GetMethod(nameof(Avx512F.UnpackHigh), [Vector, Vector])!;
    private static readonly MethodInfo Shuffle4x128 = typeof(Avx512F).GetMethod(nameof(Avx512F.Shuffle4x128), [Vector, Vector, typeof(byte)])!;
    private static readonly MethodInfo Permute = typeof(Avx512F).GetMethod(nameof(Avx512F.PermuteVar8x64), [Vector, typeof(Vector512<long>)])!;
    private static readonly MethodInfo PermuteTwo =
        typeof(Avx512F).GetMethod(nameof(Avx512F.PermuteVar8x64x2), [Vector, typeof(Vector512<long>), Vector])!;
    private static readonly MethodInfo StoreNonTemporal =
        typeof(Avx512F).GetMethod(nameof(Avx512F.StoreAlignedNonTemporal), [typeof(double*), Vector])!;
    private static readonly MethodInfo Broadcast = typeof(Vector512).GetMethod(nameof(Vector512.Create), [typeof(double)])!;
    private static readonly MethodInfo CreateLongs = typeof(Vector512).GetMethod(nameof(Vector512.Create), Enumerable.Repeat(typeof(long), 8).ToArray())!;
    private static readonly MethodInfo AsDouble = typeof(Vector512).GetMethod(nameof(Vector512.AsDouble))!.MakeGenericMethod(typeof(long));
    private static readonly MethodInfo Select = typeof(Vector512).GetMethod(nameof(Vector512.ConditionalSelect))!.MakeGenericMethod(typeof(double));

    private readonly ILGenerator _il;
    private readonly LocalBuilder[][] _sets;
    private readonly LocalBuilder[] _interleaved, _halves;

    /// <summary>
    /// Declares the locals of the block vectors, shared by the outputs and the Jacobian: the JIT stops inlining in a
    /// method with too many locals, and the vector sines and cosines of RobotArm_6DOF's kernel became calls.
    /// </summary>
    public LineScatter(ILGenerator il, LineAlignment alignment)
    {
        _il = il;
        Alignment = alignment;
        _sets = [Locals(8), Locals(8), Locals(8)];
        (_interleaved, _halves) = (Locals(8), Locals(8));

        LocalBuilder[] Locals(int count) => [.. Enumerable.Range(0, count).Select(_ => il.DeclareLocal(typeof(Vector512<double>)))];
    }

    /// <summary>Where the destination's outputs and Jacobian start in their cache lines.</summary>
    public LineAlignment Alignment { get; }

    /// <summary>
    /// Emits the writing of staged entries [<paramref name="first"/>, <paramref name="first"/> + <paramref name="width"/>)
    /// to the rows at <paramref name="destination"/>, which starts <paramref name="misalignment"/> doubles past a cache
    /// line; <paramref name="pushStaged"/> pushes the staging address of an entry.
    /// </summary>
    public void Emit(JacobianProgram program, Action<int> pushStaged, int first, LocalBuilder destination, int width, int misalignment)
    {
        var il = _il;
        if (width < CacheLines.Lanes)
        {
            PlannedScatter.Emit(il, program, pushStaged, first, destination, width, bounce: null);
            return;
        }
        var (varying, constants) = PlannedScatter.Entries(program, first, width);
        var starts = PlannedScatter.BlockStarts(width).ToArray();
        var lines = CacheLines.Plan(width, misalignment, starts);
        bool Constant(CacheLines.Line line) => line.Entries.All(lane => !varying[lane!.Value.Entry]);
        var used = lines.Where(line => line.IsWhole && !Constant(line)).SelectMany(line => line.Sources).ToHashSet();
        var vectors = new BlockVectors(il, _sets, _interleaved, _halves, starts, varying, constants, used, entry => pushStaged(first + entry));
        for (int block = 0; block < starts.Length; block++)
        {
            vectors.Emit(block);
            foreach (var line in lines.Where(line => line.IsWhole && line.LastBlock == block)) WholeLine(line);
        }
        foreach (var line in lines.Where(line => !line.IsWhole)) PartialLine(line);

        void WholeLine(CacheLines.Line line)
        {
            PushAddress(line.Offset);
            if (Constant(line)) PlannedScatter.PushConstants(il, [.. line.Entries.Select(lane => constants[lane!.Value.Entry])]);
            else if (line.Sources.Length == 1 && line.Control.Select((lane, k) => lane == k).All(same => same)) vectors.Push(line.Sources[0]);
            else
            {
                vectors.Push(line.Sources[0]);
                PushIndices(line.Control);
                if (line.Sources.Length == 1) il.Emit(OpCodes.Call, Permute);
                else
                {
                    vectors.Push(line.Sources[1]);
                    il.Emit(OpCodes.Call, PermuteTwo);
                }
            }
            il.Emit(OpCodes.Call, StoreNonTemporal);
        }

        // Entry by entry: the rest of the line holds the neighbouring vectors' points.
        void PartialLine(CacheLines.Line line)
        {
            for (int lane = 0; lane < CacheLines.Lanes; lane++)
            {
                if (line.Entries[lane] is not var (point, entry)) continue;
                PushAddress(line.Offset + lane);
                if (varying[entry])
                {
                    pushStaged(first + entry);
                    PushOffset(point);
                    il.Emit(OpCodes.Ldind_R8);
                }
                else il.Emit(OpCodes.Ldc_R8, constants[entry]);
                il.Emit(OpCodes.Stind_R8);
            }
        }

        void PushAddress(int index)
        {
            il.Emit(OpCodes.Ldloc, destination);
            PushOffset(index);
        }

        void PushOffset(int doubles)
        {
            if (doubles == 0) return;
            il.Emit(OpCodes.Ldc_I4, doubles * sizeof(double));
            il.Emit(OpCodes.Conv_I);
            il.Emit(OpCodes.Add);
        }

        void PushIndices(long[] indices)
        {
            foreach (long index in indices) il.Emit(OpCodes.Ldc_I8, index);
            il.Emit(OpCodes.Call, CreateLongs);
        }
    }

    /// <summary>
    /// The block vectors of the eight points, block by block: a transposed block's in locals, a blended block's
    /// (its constant row with the point's varying values) in locals where a line reads them, a constant block's as
    /// its constant row. Block 0's stay until the last block, whose lines reach into the next point's first entries; the
    /// others alternate between two sets of locals.
    /// </summary>
    private sealed class BlockVectors(ILGenerator il, LocalBuilder[][] sets, LocalBuilder[] interleaved, LocalBuilder[] halves, int[] starts,
        bool[] varying, double[] constants, HashSet<CacheLines.Source> used, Action<int> pushStaged)
    {
        private LocalBuilder[] Set(int block) => sets[block == 0 ? 0 : 1 + block % 2];

        private int[] VaryingLanes(int block) => PlannedScatter.VaryingLanes(varying, starts[block]);

        /// <summary>Computes block <paramref name="block"/>'s vectors that live in locals.</summary>
        public void Emit(int block)
        {
            var set = Set(block);
            if (PlannedScatter.Transposes(varying, starts[block]))
            {
                Transpose(starts[block], set);
                return;
            }
            var lanes = VaryingLanes(block);
            if (lanes.Length == 0) return;
            for (int point = 0; point < 8; point++)
            {
                if (!used.Contains(new(block, point))) continue;
                PlannedScatter.PushConstantRow(il, constants, starts[block]);
                il.Emit(OpCodes.Stloc, set[point]);
                foreach (int lane in lanes)
                {
                    // ConditionalSelect(lane's mask, the point's value broadcast, the row so far).
                    foreach (int k in Enumerable.Range(0, 8)) il.Emit(OpCodes.Ldc_I8, k == lane ? -1L : 0L);
                    il.Emit(OpCodes.Call, CreateLongs);
                    il.Emit(OpCodes.Call, AsDouble);
                    pushStaged(starts[block] + lane);
                    if (point > 0)
                    {
                        il.Emit(OpCodes.Ldc_I4, point * sizeof(double));
                        il.Emit(OpCodes.Conv_I);
                        il.Emit(OpCodes.Add);
                    }
                    il.Emit(OpCodes.Ldind_R8);
                    il.Emit(OpCodes.Call, Broadcast);
                    il.Emit(OpCodes.Ldloc, set[point]);
                    il.Emit(OpCodes.Call, Select);
                    il.Emit(OpCodes.Stloc, set[point]);
                }
            }
        }

        /// <summary>Pushes the vector of <paramref name="source"/>.</summary>
        public void Push(CacheLines.Source source)
        {
            if (VaryingLanes(source.Block).Length == 0) PlannedScatter.PushConstantRow(il, constants, starts[source.Block]);
            else il.Emit(OpCodes.Ldloc, Set(source.Block)[source.Point]);
        }

        /// <summary>
        /// Entries [<paramref name="start"/>, <paramref name="start"/> + 8) of the eight points, staged entry by entry, into
        /// <paramref name="rows"/> point by point: pairs of entries interleaved, then 128-bit lanes exchanged twice (as
        /// <c>PointScatter.TransposeEight</c>, without its stores).
        /// </summary>
        private void Transpose(int start, LocalBuilder[] rows)
        {
            // Each entry is loaded twice, into the low and the high interleaving: the JIT folds loads into the unpacking.
            for (int k = 0; k < 8; k++)
            {
                pushStaged(start + k - k % 2);
                il.Emit(OpCodes.Call, Load);
                pushStaged(start + k - k % 2 + 1);
                il.Emit(OpCodes.Call, Load);
                il.Emit(OpCodes.Call, k % 2 == 0 ? UnpackLow : UnpackHigh);
                il.Emit(OpCodes.Stloc, interleaved[k]);
            }
            // Points 0 and 4 | 2 and 6 of entries 0–3 (and 4–7), then points 1 and 5 | 3 and 7.
            Halves(interleaved[0], interleaved[2], halves[0], halves[1]);
            Halves(interleaved[1], interleaved[3], halves[2], halves[3]);
            Halves(interleaved[4], interleaved[6], halves[4], halves[5]);
            Halves(interleaved[5], interleaved[7], halves[6], halves[7]);
            Halves(halves[0], halves[4], rows[0], rows[4]);
            Halves(halves[2], halves[6], rows[1], rows[5]);
            Halves(halves[1], halves[5], rows[2], rows[6]);
            Halves(halves[3], halves[7], rows[3], rows[7]);
        }

        /// <summary>128-bit lanes 0 and 2 of a then b into <paramref name="even"/>, lanes 1 and 3 into <paramref name="odd"/>.</summary>
        private void Halves(LocalBuilder a, LocalBuilder b, LocalBuilder even, LocalBuilder odd)
        {
            Combine(0x88, a, b, even);
            Combine(0xDD, a, b, odd);
        }

        private void Combine(int control, LocalBuilder a, LocalBuilder b, LocalBuilder result)
        {
            il.Emit(OpCodes.Ldloc, a);
            il.Emit(OpCodes.Ldloc, b);
            il.Emit(OpCodes.Ldc_I4, control);
            il.Emit(OpCodes.Call, Shuffle4x128);
            il.Emit(OpCodes.Stloc, result);
        }
    }
}
