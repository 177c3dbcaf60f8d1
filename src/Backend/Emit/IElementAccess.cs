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

    /// <summary>
    /// Writes the leading constants of <paramref name="values"/>, for consecutive slots from <paramref name="index"/> of
    /// the current point, with whole-vector stores where this access's slots are contiguous; returns how many it wrote
    /// (0 where it writes slot by slot), the caller stores the rest with <see cref="EmitStore"/>.
    /// </summary>
    int EmitConstantBlock(ILGenerator il, StoreTarget target, int index, IReadOnlyList<double> values);
}
