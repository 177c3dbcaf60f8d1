using Elim.Backend.Program;

namespace Elim.Backend.Tests;

/// <summary>The common-subexpression table finds an instruction equal to a new one, across growth, and nothing else.</summary>
public sealed class InstructionTableTests
{
    [Fact]
    public void Equal_instructions_are_found_through_growth_and_different_ones_are_added()
    {
        var table = new InstructionTable();
        var instructions = new InstructionList();
        int Emit(Instruction instruction)
        {
            int found = table.FindOrAdd(instructions, instruction, instructions.Count);
            if (found >= 0) return found;
            instructions.Add(instruction);
            return instructions.Count - 1;
        }

        // 5,000 distinct products (the table grows several times), each asked for twice.
        for (int i = 0; i < 5_000; i++) Assert.Equal(i, Emit(new Instruction(IrOp.Mul, Term.OfValue(i), Term.Of(i + 0.5), 0)));
        for (int i = 0; i < 5_000; i++) Assert.Equal(i, Emit(new Instruction(IrOp.Mul, Term.OfValue(i), Term.Of(i + 0.5), 0)));

        // What tells instructions apart: the operation, an operand, its sign, the third operand, the index.
        var product = new Instruction(IrOp.Mul, Term.OfValue(1), Term.Of(1.5), 0);
        Instruction[] others =
        [
            product with { Op = IrOp.Add }, product with { A = Term.OfValue(2) }, product with { A = Term.OfValue(1).Negate() },
            product with { B = Term.Of(2.5) }, product with { C = Term.Of(1) }, product with { Index = 3 },
        ];
        foreach (var other in others) Assert.Equal(instructions.Count, Emit(other));
        Assert.Equal(1, Emit(product));

        // 0 and −0 as constants are equal instructions, as they were under record equality.
        int zero = Emit(new Instruction(IrOp.Add, Term.OfValue(7), Term.Of(0.0), 0));
        Assert.Equal(zero, Emit(new Instruction(IrOp.Add, Term.OfValue(7), Term.Of(-0.0), 0)));
    }

    [Fact]
    public void The_instruction_list_gives_back_every_instruction_by_id_across_its_blocks()
    {
        // 150,000 instructions: the first block grows, then two more blocks of 65,536 and part of a third.
        var instructions = new InstructionList();
        for (int i = 0; i < 150_000; i++) instructions.Add(new Instruction(IrOp.Add, Term.OfValue(i), Term.Of(i), i));
        Assert.Equal(150_000, instructions.Count);
        for (int i = 0; i < 150_000; i++) Assert.Equal(new Instruction(IrOp.Add, Term.OfValue(i), Term.Of(i), i), instructions[i]);
    }
}
