using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits instructions for one kind of lane: a scalar <see cref="double"/> (one point) or a
/// <see cref="System.Runtime.Intrinsics.Vector256{T}"/> of doubles (four points at once).
/// </summary>
public interface ILaneEmitter
{
    /// <summary>The type of a value: <see cref="double"/> or <c>Vector256&lt;double&gt;</c>.</summary>
    Type ValueType { get; }

    /// <summary>Pushes the constant <paramref name="value"/> as a lane value.</summary>
    void EmitConstant(ILGenerator il, double value);

    /// <summary>
    /// Pushes the result of <paramref name="instruction"/> (not an input); <paramref name="load"/> pushes an
    /// operand and may be called more than once per operand.
    /// </summary>
    void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load);
}
