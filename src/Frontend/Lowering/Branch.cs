using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>A store made inside a branch of an <c>if</c>: a value, or the reason the slot cannot be read.</summary>
internal readonly record struct BranchWrite(Operand Value, string? Unusable, SourceSpan At);

/// <summary>
/// One branch of an <c>if</c> being lowered: its own scope for the names it creates, and the stores it made to
/// slots of bindings from outside it, in order, so that they can be undone and merged with the other branch.
/// </summary>
internal sealed class Branch(Scope scope)
{
    private readonly List<((Binding Binding, (int Row, int Column) Slot) Key, BranchWrite Write)> _writes = [];

    /// <summary>The scope of names created in this branch.</summary>
    public Scope Scope { get; } = scope;

    /// <summary>The stores to outside slots, in the order made.</summary>
    public IReadOnlyList<((Binding Binding, (int Row, int Column) Slot) Key, BranchWrite Write)> Writes => _writes;

    /// <summary>Records a store to a slot of a binding from outside this branch.</summary>
    public void Record(Binding binding, (int Row, int Column) slot, BranchWrite write) => _writes.Add(((binding, slot), write));

    /// <summary>Undoes the recorded stores, so that the other branch starts from the same state.</summary>
    public void Undo()
    {
        foreach (var ((binding, slot), _) in _writes) binding.Clear(slot);
    }
}
