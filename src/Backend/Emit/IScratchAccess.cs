using System.Reflection.Emit;

namespace Elim.Backend.Emit;

/// <summary>
/// Where the chunks of a program pass values to later chunks (see <see cref="Program.ProgramChunks"/>): a slot per value,
/// for the current point(s), holding a value of the lane emitter's type.
/// </summary>
internal interface IScratchAccess
{
    /// <summary>Pushes the value in slot <paramref name="slot"/>.</summary>
    void EmitLoad(ILGenerator il, int slot);

    /// <summary>Writes the value that <paramref name="pushValue"/> pushes to slot <paramref name="slot"/>.</summary>
    void EmitStore(ILGenerator il, int slot, Action pushValue);
}
