using Elim.Graph;

namespace Elim.Frontend.Lowering;

internal sealed partial class Lowerer
{
    private const int MaxLoopLength = 1_000_000;

    private void Execute(StatementSyntax statement, Scope scope, Frame frame)
    {
        int start = _builder.VertexCount;
        try
        {
            switch (statement)
            {
                case AssignSyntax assign:
                    Assign(assign.Target, Evaluate(assign.Value, scope, frame), start, scope, frame);
                    break;
                case DestructureSyntax destructure:
                    Destructure(destructure, start, scope, frame);
                    break;
                case ForSyntax loop:
                    Loop(loop, scope, frame);
                    break;
                case IfSyntax branch:
                    If(branch, start, scope, frame);
                    break;
            }
        }
        catch (VertexLimitException)
        {
            // Caught by the innermost statement being lowered, which becomes the error's place.
            throw TooManyVertices(statement.Span, frame);
        }
    }

    private void Destructure(DestructureSyntax destructure, int start, Scope scope, Frame frame)
    {
        var call = destructure.Call;
        if (!_functions.TryGetValue(call.Name, out var helper))
        {
            if (OpRules.FindFunction(call.Name) is null && !ArrayFunctionNames.Contains(call.Name)) throw UnknownFunction(call);
            throw LoweringError.At(call.NameSpan, $"'{call.Name}' returns one value and cannot be destructured",
                $"assign it to one name: {destructure.Targets[0].Name} = {call.Name}(...);");
        }
        if (destructure.Targets.Count != helper.Outputs.Count)
            throw LoweringError.At(call.NameSpan,
                $"'{call.Name}' returns {Count(helper.Outputs.Count, "value")}, but {Count(destructure.Targets.Count, "target")} {(destructure.Targets.Count == 1 ? "is" : "are")} given",
                $"write one target per output: ({string.Join(", ", helper.Outputs.Select(o => o.Name))}) = {call.Name}(...);");
        var values = CallHelper(call, helper, scope, frame);
        for (int k = 0; k < values.Count; k++) Assign(destructure.Targets[k], values[k], start, scope, frame);
    }

    private void Loop(ForSyntax loop, Scope scope, Frame frame)
    {
        int low = EvaluateInteger(loop.Low, scope, frame, "the loop bound");
        int high = EvaluateInteger(loop.High, scope, frame, "the loop bound");
        if (high < low)
            throw LoweringError.At(loop.High.Span, $"the loop range {low}..{high} is reversed",
                $"write the range as low..high with low <= high; {low}..{low} is empty");
        // Even a loop that makes no vertices takes time to unroll; a higher vertex limit allows longer loops.
        int maxLength = Math.Max(MaxLoopLength, _maxVertices);
        if ((long)high - low > maxLength)
            throw LoweringError.At(loop.High.Span, $"the loop range {low}..{high} has more than {maxLength:N0} iterations",
                "make the loop shorter" + RaiseTheLimit);
        if (scope.Find(loop.Variable) is not null || _constants.ContainsKey(loop.Variable))
            throw LoweringError.At(loop.Span, $"loop variable '{loop.Variable}' hides an existing name", "choose another name for the loop variable");
        var progress = new LoopProgress(loop, high - low);
        frame.Loops.Push(progress);
        for (int i = low; i < high; i++)
        {
            progress.Iteration = i - low;
            var iteration = new Scope(scope);
            iteration.Add(new Binding(loop.Variable, BindingKind.LoopVariable, null, loop.Span)).Set((0, 0), Operand.Constant(i), loop.Span);
            foreach (var statement in loop.Body) Execute(statement, iteration, frame);
        }
        frame.Loops.Pop();
    }

    /// <summary>
    /// Binds <paramref name="value"/> to <paramref name="target"/>. A name new to the scope becomes a local of
    /// the innermost scope with the value's shape; an element of a new array creates a growable local array of
    /// the function (or of the innermost <c>if</c> branch, which hands it on when the branches merge).
    /// </summary>
    private void Assign(TargetSyntax target, Value value, int start, Scope scope, Frame frame)
    {
        var binding = scope.Find(target.Name) ?? NewLocal(target, value, scope, frame);
        if (binding.Kind == BindingKind.Parameter)
            throw LoweringError.At(target.Span, $"parameter '{target.Name}' cannot be assigned", "assign to a new name");
        if (binding.Kind == BindingKind.LoopVariable)
            throw LoweringError.At(target.Span, $"loop variable '{target.Name}' cannot be assigned", "assign to a new name");

        if (target.IsElement)
        {
            if (!binding.IsArray)
                throw LoweringError.At(target.Span, $"'{target.Name}' is a scalar and cannot be indexed", $"write {target.Name} without an index");
            if (value is not Scalar scalar)
                throw LoweringError.At(target.Span, $"an array cannot be stored in the element {target.Name}[...]", "assign a scalar to an element");
            if (target.Indices.Count != binding.Rank)
                throw LoweringError.At(target.Span, $"'{target.Name}' has {Count(binding.Rank, "dimension")}, but {Count(target.Indices.Count, "index")} {(target.Indices.Count == 1 ? "is" : "are")} given",
                    binding.Rank == 1 ? $"write {target.Name}[i] = ...;" : $"write {target.Name}[i, j] = ...;");
            int row = EvaluateInteger(target.Indices[0], scope, frame, "the index");
            int column = target.Indices.Count > 1 ? EvaluateInteger(target.Indices[1], scope, frame, "the index") : 0;
            if (!binding.Holds((row, column)))
            {
                string where = binding.Rank == 1 ? $"{row}" : $"[{row}, {column}]";
                throw LoweringError.At(target.Span, $"index {where} is out of bounds for '{binding.Name}'" + (binding.Growable ? "" : $" of shape {binding.Shape}"),
                    binding.Growable ? "indices start at 0" : "use indices within the declared shape");
            }
            Store(binding, (row, column), scalar.Operand, target.Span, start, frame);
            return;
        }
        if (binding.IsArray != value is ArrayValue || binding.Growable || (value is ArrayValue a && a.Shape != binding.Shape))
        {
            throw LoweringError.At(target.Span,
                binding.Growable ? $"'{target.Name}' is an array assigned element by element; assign its other elements one by one"
                    : binding.IsArray ? $"'{target.Name}' has shape {binding.Shape}, but the value is {Describe(value)}"
                    : $"'{target.Name}' is a scalar, but the value is {Describe(value)}",
                binding.IsArray ? "assign a value of the same shape" : "assign an element of the array, or a scalar expression");
        }
        if (value is ArrayValue array)
        {
            for (int i = 0; i < array.Elements.Count; i++) Store(binding, Binding.SlotOf(array.Shape, i), array.Elements[i], target.Span, start, frame);
            return;
        }
        Store(binding, (0, 0), ((Scalar)value).Operand, target.Span, start, frame);
    }

    private Binding NewLocal(TargetSyntax target, Value value, Scope scope, Frame frame)
    {
        if (_constants.ContainsKey(target.Name))
            throw LoweringError.At(target.Span, $"'{target.Name}' is a const and cannot be assigned", "assign to a new name");
        int depth = frame.Branches.Count;
        if (!target.IsElement)
            return scope.Add(new Binding(target.Name, BindingKind.Local, (value as ArrayValue)?.Shape, target.Span) { BranchDepth = depth });
        int rank = Math.Min(2, target.Indices.Count);
        return frame.GrowableOwner(scope).Add(new Binding(target.Name, BindingKind.Local, null, target.Span, rank) { BranchDepth = depth });
    }

    /// <summary>
    /// Stores one slot. An output of the differentiated function is the vertex this statement made, unless the
    /// value is older, an input, a constant or already an output: then it gets a copy vertex. Inside a branch of
    /// an <c>if</c>, a slot of a binding from outside the branch is stored as is and recorded, to be merged.
    /// </summary>
    private void Store(Binding binding, (int Row, int Column) slot, Operand value, SourceSpan span, int start, Frame frame)
    {
        if (binding.AssignedAt(slot) is { } earlier)
            throw LoweringError.At(span, $"'{binding.SlotName(slot)}' is already assigned (at line {earlier.Line})",
                "each name and element is assigned once; use a new name");
        if (frame.BranchOutside(binding) is { } branch)
        {
            branch.Record(binding, slot, new BranchWrite(value, null, span));
            binding.Set(slot, value, span);
            return;
        }
        if (frame.IsTop && binding.Kind == BindingKind.Output)
        {
            bool madeHere = value.Kind == OperandKind.Vertex && value.Index > start;
            if (!madeHere || frame.OutputVertices.Contains(value.Index)) value = _builder.Copy(value, span);
            frame.OutputVertices.Add(value.Index);
        }
        binding.Set(slot, value, span);
    }
}
