using System.Reflection.Emit;
using System.Runtime.Intrinsics.X86;
using Elim.Backend.Emit;

namespace Elim.Backend.Tests;

/// <summary>
/// The pieces of an eight-lane kernel's scatter, emitted into a method of their own: staged entries (entry k of the
/// eight points at <c>staged[8k .. 8k + 7]</c>, as the kernels stage them) land in each point's row at the block's
/// place, and nothing around it changes.
/// </summary>
public unsafe class ScatterEmitterTests
{
    private delegate void Scatter(double* staged, double* rows);

    private static readonly double[] Staged = [.. Enumerable.Range(0, 64).Select(i => (double)i)];

    /// <summary>Runs what <paramref name="emit"/> emits (given the emitter, the staged entry pusher and the rows' local) on <see cref="Staged"/> and rows of -1.</summary>
    private static double[] Run(int width, Action<ScatterEmitter, Action<int>, LocalBuilder> emit)
    {
        var method = new DynamicMethod("scatter", typeof(void), [typeof(double*), typeof(double*)], typeof(ScatterEmitterTests).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var rows = il.DeclareLocal(typeof(nint));
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stloc, rows);
        var emitter = new ScatterEmitter(il);
        emit(emitter, entry =>
        {
            il.Emit(OpCodes.Ldarg_0);
            emitter.PushOffset(8 * entry);
        }, rows);
        il.Emit(OpCodes.Ret);
        var result = new double[8 * width];
        Array.Fill(result, -1);
        // Staging is aligned to a cache line in the kernels, and the transposes load it so.
        var staged = GC.AllocateArray<double>(Staged.Length + 8, pinned: true);
        fixed (double* pinned = staged, target = result)
        {
            double* aligned = (double*)(((nint)pinned + 63) & ~(nint)63);
            Staged.CopyTo(new Span<double>(aligned, Staged.Length));
            method.CreateDelegate<Scatter>()(aligned, target);
        }
        return result;
    }

    [Fact]
    public void A_transposed_block_writes_each_points_eight_entries_and_nothing_else()
    {
        if (!Avx512F.IsSupported) return;
        const int width = 11;
        var rows = Run(width, (emitter, staged, target) =>
        {
            emitter.Transpose(staged, emitter.Rows);
            emitter.StoreRows(emitter.Rows, target, entry: 2, width);
        });
        for (int point = 0; point < 8; point++)
        {
            for (int k = 0; k < width; k++)
            {
                double expected = k is >= 2 and < 10 ? Staged[8 * (k - 2) + point] : -1;
                Assert.True(expected == rows[point * width + k], $"point {point}, entry {k}");
            }
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 0, 7 })]
    [InlineData(new[] { 1, 3, 6 })]
    public void A_row_of_constants_gets_each_points_varying_entries_blended_in(int[] varying)
    {
        if (!Avx512F.IsSupported) return;
        const int width = 9;
        var constants = Enumerable.Range(0, 8).Select(k => 100.0 + k).ToArray();
        var rows = Run(width, (emitter, staged, target) => emitter.StoreBlendedRows(constants, varying, staged, target, entry: 1, width));
        for (int point = 0; point < 8; point++)
        {
            Assert.Equal(-1, rows[point * width]);
            for (int lane = 0; lane < 8; lane++)
            {
                double expected = varying.Contains(lane) ? Staged[8 * lane + point] : constants[lane];
                Assert.True(expected == rows[point * width + 1 + lane], $"point {point}, lane {lane}");
            }
        }
    }

    [Fact]
    public void A_copied_entry_lands_in_each_points_row_and_nothing_else_changes()
    {
        const int width = 13;
        var rows = Run(width, (emitter, staged, target) => emitter.CopyEntry(() => staged(2), target, entry: 3, width));
        for (int i = 0; i < rows.Length; i++) Assert.Equal(i % width == 3 ? Staged[16 + i / width] : -1, rows[i]);
    }
}
