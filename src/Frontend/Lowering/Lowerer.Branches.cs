using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>
/// <c>if</c> statements. Both branches are lowered (no branch per point at run time); afterwards every value
/// assigned in both becomes <c>select(condition, then, else)</c>, and a value assigned in one branch only can
/// no longer be read (an output assigned in one branch only is an error at once).
/// </summary>
internal sealed partial class Lowerer
{
    private void If(IfSyntax statement, int start, Scope scope, Frame frame)
    {
        var condition = Condition(statement.Condition, scope, frame, "the condition of 'if'").Operand;
        var then = Run(statement.Then, scope, frame);
        var otherwise = Run(statement.Otherwise ?? [], scope, frame);
        string where = $"the if at line {statement.Span.Line}";

        var outside = then.Writes.Select(w => w.Key).Concat(otherwise.Writes.Select(w => w.Key)).Distinct().ToList();
        var thenWrites = then.Writes.ToDictionary(w => w.Key, w => (BranchWrite?)w.Write);
        var elseWrites = otherwise.Writes.ToDictionary(w => w.Key, w => (BranchWrite?)w.Write);
        foreach (var (binding, slot) in outside)
        {
            var merged = Merge(condition, thenWrites.GetValueOrDefault((binding, slot)), elseWrites.GetValueOrDefault((binding, slot)), where, statement.Span);
            if (merged.Unusable is not null && binding.Kind == BindingKind.Output)
                throw LoweringError.At(merged.At, $"output '{binding.SlotName(slot)}' is {merged.Unusable}", $"assign {binding.SlotName(slot)} in every branch");
            Write(binding, slot, merged, start, frame);
        }

        foreach (string name in then.Scope.OwnNames.Concat(otherwise.Scope.OwnNames).Distinct().ToList())
        {
            var inThen = then.Scope.Own(name);
            var inElse = otherwise.Scope.Own(name);
            if (inThen is not null && inElse is not null && (inThen.Rank != inElse.Rank || (!inThen.Growable && inThen.IsArray && inThen.Shape != inElse.Shape)))
                throw LoweringError.At(inElse.Declared, $"'{name}' is {ShapeWord(inThen)} in one branch of {where} but {ShapeWord(inElse)} in the other",
                    "give it one shape in every branch, or use different names");
            var model = inThen ?? inElse!;
            var shape = model.Growable || !model.IsArray ? (Shape?)null : model.Shape;
            var binding = (model.Growable ? frame.GrowableOwner(scope) : scope).Add(
                new Binding(name, BindingKind.Local, shape, model.Declared, model.Growable ? model.Rank : 0) { BranchDepth = frame.Branches.Count });
            var slots = (inThen?.AssignedSlots ?? []).Concat(inElse?.AssignedSlots ?? []).Distinct().OrderBy(s => s).ToList();
            foreach (var slot in slots)
                Write(binding, slot, Merge(condition, Local(inThen, slot), Local(inElse, slot), where, statement.Span), start, frame);
        }
    }

    /// <summary>Lowers one branch in its own scope; undoes its stores to outside slots (they are merged after both).</summary>
    private Branch Run(IReadOnlyList<StatementSyntax> statements, Scope scope, Frame frame)
    {
        var branch = new Branch(new Scope(scope));
        frame.Branches.Push(branch);
        foreach (var statement in statements) Execute(statement, branch.Scope, frame);
        frame.Branches.Pop();
        branch.Undo();
        return branch;
    }

    private static BranchWrite? Local(Binding? binding, (int Row, int Column) slot) =>
        binding?.Get(slot) is { } value ? new BranchWrite(value, binding.Unusable(slot), binding.AssignedAt(slot)!.Value) : null;

    private BranchWrite Merge(Operand condition, BranchWrite? then, BranchWrite? otherwise, string where, SourceSpan span)
    {
        if (then is not { Unusable: null } t)
            return new BranchWrite(default, then?.Unusable ?? $"assigned only in the else-branch of {where}", otherwise?.At ?? span);
        if (otherwise is not { Unusable: null } e)
            return new BranchWrite(default, otherwise?.Unusable ?? $"assigned only in the then-branch of {where}", t.At);
        var value = t.Value == e.Value ? t.Value : _builder.Apply(OpKind.Select, span, condition, t.Value, e.Value);
        return new BranchWrite(value, null, t.At);
    }

    /// <summary>Stores a merged slot: a value through <see cref="Store"/>, or a mark that it cannot be read.</summary>
    private void Write(Binding binding, (int Row, int Column) slot, BranchWrite write, int start, Frame frame)
    {
        if (write.Unusable is null)
        {
            Store(binding, slot, write.Value, write.At, start, frame);
            return;
        }
        frame.BranchOutside(binding)?.Record(binding, slot, write);
        binding.MarkUnusable(slot, write.Unusable, write.At);
    }

    private static string ShapeWord(Binding binding) => binding.Rank == 0 ? "a scalar" : binding.Growable ? $"an array of {binding.Rank} dimension(s)" : $"of shape {binding.Shape}";
}
