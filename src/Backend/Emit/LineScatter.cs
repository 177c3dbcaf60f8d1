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
    private static readonly MethodInfo Permute = typeof(Avx512F).GetMethod(nameof(Avx512F.PermuteVar8x64), [Vector, typeof(Vector512<long>)])!;
    private static readonly MethodInfo PermuteTwo =
        typeof(Avx512F).GetMethod(nameof(Avx512F.PermuteVar8x64x2), [Vector, typeof(Vector512<long>), Vector])!;
    private static readonly MethodInfo StoreNonTemporal =
        typeof(Avx512F).GetMethod(nameof(Avx512F.StoreAlignedNonTemporal), [typeof(double*), Vector])!;

    private readonly ScatterEmitter _scatter;
    private readonly ILGenerator _il;
    private readonly LocalBuilder[][] _sets;

    /// <summary>Declares the locals of the block vectors, shared by the outputs and the Jacobian (see <see cref="ScatterEmitter"/>).</summary>
    public LineScatter(ScatterEmitter scatter, ILGenerator il, LineAlignment alignment)
    {
        (_scatter, _il) = (scatter, il);
        Alignment = alignment;
        _sets = [scatter.Locals(8), scatter.Locals(8), scatter.Locals(8)];
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
            PlannedScatter.Emit(_scatter, il, program, pushStaged, first, destination, width, bounce: null);
            return;
        }
        var (varying, constants) = PlannedScatter.Entries(program, first, width);
        var starts = PlannedScatter.BlockStarts(width).ToArray();
        var lines = CacheLines.Plan(width, misalignment, starts);
        bool Constant(CacheLines.Line line) => line.Entries.All(lane => !varying[lane!.Value.Entry]);
        var used = lines.Where(line => line.IsWhole && !Constant(line)).SelectMany(line => line.Sources).ToHashSet();
        var vectors = new BlockVectors(_scatter, il, _sets, starts, varying, constants, used, entry => pushStaged(first + entry));
        for (int block = 0; block < starts.Length; block++)
        {
            vectors.Emit(block);
            foreach (var line in lines.Where(line => line.IsWhole && line.LastBlock == block)) WholeLine(line);
        }
        foreach (var line in lines.Where(line => !line.IsWhole)) PartialLine(line);

        void WholeLine(CacheLines.Line line)
        {
            _scatter.PushAddress(destination, line.Offset);
            if (Constant(line)) PlannedScatter.PushConstants(il, [.. line.Entries.Select(lane => constants[lane!.Value.Entry])]);
            else if (line.Sources.Length == 1 && line.Control.Select((lane, k) => lane == k).All(same => same)) vectors.Push(line.Sources[0]);
            else
            {
                vectors.Push(line.Sources[0]);
                _scatter.PushLongs(line.Control);
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
                _scatter.PushAddress(destination, line.Offset + lane);
                if (varying[entry]) _scatter.PushValue(() => pushStaged(first + entry), point);
                else il.Emit(OpCodes.Ldc_R8, constants[entry]);
                il.Emit(OpCodes.Stind_R8);
            }
        }
    }

    /// <summary>
    /// The block vectors of the eight points, block by block: a transposed block's in locals, a blended block's
    /// (its constant row with the point's varying values) in locals where a line reads them, a constant block's as
    /// its constant row. Block 0's stay until the last block, whose lines reach into the next point's first entries; the
    /// others alternate between two sets of locals.
    /// </summary>
    private sealed class BlockVectors(ScatterEmitter scatter, ILGenerator il, LocalBuilder[][] sets, int[] starts, bool[] varying,
        double[] constants, HashSet<CacheLines.Source> used, Action<int> pushStaged)
    {
        private LocalBuilder[] Set(int block) => sets[block == 0 ? 0 : 1 + block % 2];

        private int[] VaryingLanes(int block) => PlannedScatter.VaryingLanes(varying, starts[block]);

        /// <summary>Computes block <paramref name="block"/>'s vectors that live in locals.</summary>
        public void Emit(int block)
        {
            int start = starts[block];
            if (PlannedScatter.Transposes(varying, start))
            {
                scatter.Transpose(entry => pushStaged(start + entry), Set(block));
                return;
            }
            var lanes = VaryingLanes(block);
            if (lanes.Length == 0) return;
            var row = scatter.ConstantRow(constants.AsSpan(start, 8));
            for (int point = 0; point < 8; point++)
            {
                if (!used.Contains(new(block, point))) continue;
                scatter.PushBlended(row, lanes, lane => pushStaged(start + lane), point);
                il.Emit(OpCodes.Stloc, Set(block)[point]);
            }
        }

        /// <summary>Pushes the vector of <paramref name="source"/>.</summary>
        public void Push(CacheLines.Source source)
        {
            if (VaryingLanes(source.Block).Length == 0) PlannedScatter.PushConstantRow(il, constants, starts[source.Block]);
            else il.Emit(OpCodes.Ldloc, Set(source.Block)[source.Point]);
        }
    }
}
