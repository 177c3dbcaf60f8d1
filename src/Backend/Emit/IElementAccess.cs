using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Where a method body reads its inputs and writes its results: pointers of a batch layout, arrays of an
/// exported method, or (for other backends) their own buffers. Values have the lane emitter's type.
/// </summary>
public interface IElementAccess
{
    /// <summary>Pushes input <paramref name="input"/> of the current point(s).</summary>
    void EmitLoadInput(ILGenerator il, int input);

    /// <summary>Pushes data input <paramref name="index"/> of the current point(s).</summary>
    void EmitLoadData(ILGenerator il, int index);

    /// <summary>Writes the value that <paramref name="pushValue"/> pushes to a result slot of the current point(s).</summary>
    void EmitStore(ILGenerator il, StoreTarget target, int index, Action pushValue);
}
