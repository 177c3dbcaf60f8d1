using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits instructions for one kind of lane: a scalar <see cref="double"/> (one point) or a vector of
/// doubles (four or eight points at once).
/// </summary>
public interface ILaneEmitter
{
    /// <summary>Points per value: 1, 4 or 8.</summary>
    int Lanes { get; }

    /// <summary>The type of a value: <see cref="double"/>, <c>Vector256&lt;double&gt;</c> or <c>Vector512&lt;double&gt;</c>.</summary>
    Type ValueType { get; }

    /// <summary>Pushes the constant <paramref name="value"/> as a lane value.</summary>
    void EmitConstant(ILGenerator il, double value);

    /// <summary>
    /// Pushes the result of <paramref name="instruction"/> (not an input); <paramref name="load"/> pushes an
    /// operand and may be called more than once per operand.
    /// </summary>
    void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load);

    /// <summary>
    /// About how many IL instructions <see cref="EmitInstruction"/> emits for <paramref name="instruction"/>, operand loads
    /// included (rather more than fewer): what cuts a big program into methods the JIT still optimises.
    /// </summary>
    int EstimatedSize(Instruction instruction);
}
