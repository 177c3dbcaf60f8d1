using Elim.Backend.Lowering;
using Elim.Backend.Program;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>
/// A program in depth-first order computes the same values: every operand comes before its reader, every instruction is
/// kept, and every store gets the same number to the bit.
/// </summary>
public sealed class DepthFirstScheduleTests
{
    [Theory]
    [MemberData(nameof(TaskGraphs.Examples), MemberType = typeof(TaskGraphs))]
    public void EveryExampleKeepsItsValuesInDepthFirstOrder(string file, string function)
    {
        var example = ExamplePoints.All.Single(e => e.File == file && (e.Function ?? "") == function);
        var graph = TaskGraphs.Example(file, example.Function);
        AssertSameValues(graph, StandardOrders.MinimalMarkowitz(graph), example.Point, ExamplePoints.Data(file));
    }

    [Fact]
    public void RandomProgramsKeepTheirValuesInDepthFirstOrder()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var graph = RandomGraphs.Create(seed, 3, 40);
            AssertSameValues(graph, RandomGraphs.RandomOrder(graph, seed), RandomGraphs.RandomPoint(graph, seed), []);
        }
    }

    [Fact]
    public void MostAliveCountsValuesUntilTheirLastReader()
    {
        // x0, x1, x0·x1, (x0·x1)+x0: x0 lives to the last instruction, so 3 values are alive at once at most.
        Instruction[] instructions =
        [
            new(IrOp.Input, Term.Zero, Term.Zero, 0),
            new(IrOp.Input, Term.Zero, Term.Zero, 1),
            new(IrOp.Mul, Term.OfValue(0), Term.OfValue(1), 0),
            new(IrOp.Add, Term.OfValue(2), Term.OfValue(0), 0),
        ];
        Assert.Equal(3, DepthFirstSchedule.MostAlive(instructions));
    }

    private static void AssertSameValues(ComputationalGraph graph, EliminationOrder order, double[] x, double[] data)
    {
        var program = ProgramLowering.Jacobian(graph, order);
        var (instructions, stores) = DepthFirstSchedule.DepthFirst([.. program.Instructions], [.. program.Stores]);
        Assert.Equal(program.Instructions.Count, instructions.Length);
        for (int id = 0; id < instructions.Length; id++)
            Assert.All(instructions[id].Operands, operand => Assert.True(operand.IsConstant || operand.Value < id, $"{graph.Name}: value {id} reads a later value"));
        var before = Run(program.Instructions, program.Stores, x, data);
        var after = Run(instructions, stores, x, data);
        Assert.Equal(before.Select(BitConverter.DoubleToInt64Bits), after.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>The stored numbers of a program, instruction by instruction as the scalar code computes them.</summary>
    private static double[] Run(IReadOnlyList<Instruction> instructions, IReadOnlyList<Store> stores, double[] x, double[] data)
    {
        var values = new double[instructions.Count];
        for (int id = 0; id < instructions.Count; id++)
        {
            var i = instructions[id];
            values[id] = i.Op switch
            {
                IrOp.Input => x[i.Index],
                IrOp.Data => data[i.Index],
                _ => IrOps.Evaluate(i.Op, Value(i.A), Value(i.B), Value(i.C)),
            };
        }
        return stores.Select(s => Value(s.Value)).ToArray();

        double Value(Term term) => term.IsConstant ? term.Constant : term.Negated ? -values[term.Value] : values[term.Value];
    }
}
