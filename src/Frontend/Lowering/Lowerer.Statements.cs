using Elim.Graph;

namespace Elim.Frontend.Lowering;

internal sealed partial class Lowerer
{
    private const int MaxLoopLength = 1_000_000;

    private void Execute(StatementSyntax statement, Scope scope, Frame frame)
    {
        CheckSize(statement.Span);
        int start = _builder.VertexCount;
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
        }
    }

    private void Destructure(DestructureSyntax destructure, int start, Scope scope, Frame frame)
    {
        var call = destructure.Call;
        if (!_functions.TryGetValue(call.Name, out var helper))
        {
            if (OpRules.FindFunction(call.Name) is null) throw UnknownFunction(call);
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
        if ((long)high - low > MaxLoopLength)
            throw LoweringError.At(loop.High.Span, $"the loop range {low}..{high} has more than {MaxLoopLength} iterations", "make the loop shorter");
        if (scope.Find(loop.Variable) is not null || _constants.ContainsKey(loop.Variable))
            throw LoweringError.At(loop.Span, $"loop variable '{loop.Variable}' hides an existing name", "choose another name for the loop variable");
        for (int i = low; i < high; i++)
        {
            var iteration = new Scope(scope);
            iteration.Add(new Binding(loop.Variable, BindingKind.LoopVariable, null, loop.Span)).Set(0, Operand.Constant(i), loop.Span);
            foreach (var statement in loop.Body) Execute(statement, iteration, frame);
        }
    }

    /// <summary>
    /// Binds <paramref name="value"/> to <paramref name="target"/>. A scalar name new to the scope
    /// becomes a local of the innermost scope; an element of a new array creates a local array of the function.
    /// </summary>
    private void Assign(TargetSyntax target, Value value, int start, Scope scope, Frame frame)
    {
        var binding = scope.Find(target.Name);
        if (binding is null)
        {
            if (_constants.ContainsKey(target.Name))
                throw LoweringError.At(target.Span, $"'{target.Name}' is a const and cannot be assigned", "assign to a new name");
            binding = target.Index is null && value is Scalar
                ? scope.Add(new Binding(target.Name, BindingKind.Local, null, target.Span))
                : target.Index is null
                    ? scope.Add(new Binding(target.Name, BindingKind.Local, ((ArrayValue)value).Elements.Count, target.Span))
                    : scope.Function.Add(new Binding(target.Name, BindingKind.Local, null, target.Span, growable: true));
        }
        if (binding.Kind == BindingKind.Parameter)
            throw LoweringError.At(target.Span, $"parameter '{target.Name}' cannot be assigned", "assign to a new name");
        if (binding.Kind == BindingKind.LoopVariable)
            throw LoweringError.At(target.Span, $"loop variable '{target.Name}' cannot be assigned", "assign to a new name");

        if (target.Index is { } indexExpression)
        {
            if (!binding.IsArray)
                throw LoweringError.At(target.Span, $"'{target.Name}' is a scalar and cannot be indexed", $"write {target.Name} without an index");
            if (value is not Scalar scalar)
                throw LoweringError.At(target.Span, $"an array cannot be stored in the element {target.Name}[...]", "assign a scalar to an element");
            int index = EvaluateInteger(indexExpression, scope, frame, "the index");
            CheckBounds(binding, index, indexExpression.Span);
            Store(binding, index, scalar.Operand, target.Span, start, frame);
            return;
        }
        if (binding.IsArray != value is ArrayValue)
            throw LoweringError.At(target.Span,
                binding.IsArray ? $"'{target.Name}' is an array; assign its elements one by one" : $"'{target.Name}' is a scalar, but the value is an array",
                binding.IsArray ? $"write {target.Name}[i] = ...; in a loop" : "assign an element of the array, or a scalar expression");
        if (value is ArrayValue array)
        {
            if (array.Elements.Count != binding.Size)
                throw LoweringError.At(target.Span, $"'{target.Name}' has {binding.Size} elements, but the value has {array.Elements.Count}",
                    "assign an array of the same size");
            for (int i = 0; i < array.Elements.Count; i++) Store(binding, i, array.Elements[i], target.Span, start, frame);
            return;
        }
        Store(binding, 0, ((Scalar)value).Operand, target.Span, start, frame);
    }

    /// <summary>
    /// Stores one slot. An output of the differentiated function is the vertex this statement made,
    /// unless the value is older, an input, a constant or already an output: then it gets a copy vertex.
    /// </summary>
    private void Store(Binding binding, int index, Operand value, SourceSpan span, int start, Frame frame)
    {
        if (binding.AssignedAt(index) is { } earlier)
            throw LoweringError.At(span, $"'{binding.SlotName(index)}' is already assigned (at line {earlier.Line})",
                "each name and element is assigned once; use a new name");
        if (frame.IsTop && binding.Kind == BindingKind.Output)
        {
            bool madeHere = value.Kind == OperandKind.Vertex && value.Index > start;
            if (!madeHere || frame.OutputVertices.Contains(value.Index)) value = _builder.Copy(value, span);
            frame.OutputVertices.Add(value.Index);
        }
        binding.Set(index, value, span);
    }
}
