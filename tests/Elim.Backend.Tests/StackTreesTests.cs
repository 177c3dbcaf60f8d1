using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Tests;

/// <summary>
/// The values that stay on the IL evaluation stack: read once, by an arithmetic instruction, and computed right before
/// it (its last operands' trees in order); a value read twice, stored, or read out of order goes through a local.
/// </summary>
public sealed class StackTreesTests
{
    [Fact]
    public void A_value_read_once_right_after_it_stays_on_the_stack_and_the_rest_go_through_locals()
    {
        var v = Term.OfValue;
        Instruction[] instructions =
        [
            new(IrOp.Input, Term.Zero, Term.Zero, 0),   // v0 = a: read once, but by v3 before v1 is pushed
            new(IrOp.Input, Term.Zero, Term.Zero, 1),   // v1 = b: read once, not right before v3's other operand
            new(IrOp.Input, Term.Zero, Term.Zero, 2),   // v2 = c: v4's first operand, right before v3's tree
            new(IrOp.Mul, v(0), v(1), 0),               // v3 = a·b: v4's last operand, right before it
            new(IrOp.Add, v(2), v(3), 0),               // v4 = c + a·b: read twice
            new(IrOp.Mul, v(4), v(4), 0),               // v5: stored
            new(IrOp.Neg, v(5), Term.Zero, 0),          // v6 = −v5: stored
        ];
        var program = new JacobianProgram(3, 0, 2, false, instructions,
            [new Store(StoreTarget.Output, 0, v(5)), new Store(StoreTarget.Output, 1, v(6))], 0, 0);

        var onStack = StackTrees.Find(program, ProgramChunks.Whole(program), 0, LaneGroups.None);

        Assert.Equal([false, false, true, true, false, false, false], onStack);
    }

    [Fact]
    public void A_value_another_chunk_reads_goes_through_scratch_not_the_stack()
    {
        var graph = Frontend.ElimFrontend.Compile(Testing.RandomBigPrograms.Generate(statements: 5_000, seed: 3), "big.elim");
        var program = Lowering.ProgramLowering.Jacobian(graph, Graph.StandardOrders.Reverse(graph));
        var chunks = KernelEmitter.Chunks(program, ScalarLaneEmitter.Instance);
        Assert.True(chunks.Chunks.Count > 1);

        int kept = 0;
        for (int c = 0; c < chunks.Chunks.Count; c++)
        {
            var groups = LaneGroups.Find(program, chunks.Chunks[c].Start, chunks.Chunks[c].End, ScalarLaneEmitter.Instance);
            var onStack = StackTrees.Find(program, chunks, c, groups);
            int start = chunks.Chunks[c].Start;
            for (int k = 0; k < onStack.Length; k++)
            {
                if (!onStack[k]) continue;
                kept++;
                Assert.True(chunks.ScratchSlot(start + k) < 0);
                Assert.Empty(program.StoresAfter(start + k));
                Assert.False(groups.Contains(start + k));
            }
        }
        Assert.True(kept > program.Instructions.Count / 10, $"{kept} of {program.Instructions.Count} values on the stack");
    }
}
