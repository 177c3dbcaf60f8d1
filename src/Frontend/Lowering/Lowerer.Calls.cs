using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>Calls: elementary functions (element by element on arrays), array functions, helpers.</summary>
internal sealed partial class Lowerer
{
    /// <summary>Functions of arrays that are not graph operations; with <c>grad</c>, names a helper may not take.</summary>
    public static readonly IReadOnlyList<string> ArrayFunctionNames = ["sum", "dot", "cross", "norm", "transpose", "grad"];

    private Value Call(CallSyntax call, Scope? scope, Frame? frame)
    {
        if (_functions.TryGetValue(call.Name, out var helper))
        {
            if (scope is null)
                throw LoweringError.At(call.NameSpan, $"a const cannot call the function '{call.Name}'",
                    "a const may use numbers, earlier consts and elementary functions of them");
            var outputs = CallHelper(call, helper, scope, frame!);
            if (outputs.Count != 1)
                throw LoweringError.At(call.NameSpan, $"'{call.Name}' returns {outputs.Count} values and cannot be used inside an expression",
                    $"destructure it: ({string.Join(", ", helper.Outputs.Select(o => o.Name))}) = {call.Name}(...);");
            return outputs[0];
        }
        if (call.Name == Syntax.Grammar.GradKeyword)
            throw LoweringError.At(call.NameSpan, "grad takes the name of a helper, then its arguments", "write grad(f)(x), where f is a function of this file");
        if (ArrayFunctionNames.Contains(call.Name) || (call.Name is "min" or "max" && call.Arguments.Count == 1))
            return ArrayFunction(call, call.Arguments.Select(a => Evaluate(a, scope, frame)).ToList());
        var rule = OpRules.FindFunction(call.Name) ?? throw UnknownFunction(call);
        if (call.Arguments.Count != rule.Arity)
            throw LoweringError.At(call.NameSpan, $"'{call.Name}' takes {Count(rule.Arity, "argument")}, but {call.Arguments.Count} {(call.Arguments.Count == 1 ? "is" : "are")} given",
                rule.Arity == 1 ? $"write {call.Name}(x)" : $"write {call.Name}(a, b)");
        var operands = call.Arguments.Select(a => Evaluate(a, scope, frame)).ToList();
        if (rule.Arity == 1)
            return operands[0] is ArrayValue array ? Map(array, x => _builder.Apply(rule.Kind, call.Span, x)) : Elementary(rule, (Scalar)operands[0], null, call.Span);
        if (operands[0] is Scalar a && operands[1] is Scalar b) return Elementary(rule, a, b, call.Span);
        return Elementwise(operands[0], operands[1], call.Span, $"apply '{call.Name}' to", (x, y) => Elementary(rule, x, y, call.Span).Operand);
    }

    private Scalar Elementary(OpRule rule, Scalar a, Scalar? b, SourceSpan span) => rule.Kind == OpKind.Pow
        ? Power(a, b!, span)
        : new Scalar(b is null ? _builder.Apply(rule.Kind, span, a.Operand) : _builder.Apply(rule.Kind, span, a.Operand, b.Operand));

    /// <summary>sum, dot, cross, norm, transpose, and min/max of one array.</summary>
    private Value ArrayFunction(CallSyntax call, List<Value> arguments)
    {
        var span = call.Span;
        bool along = call.Name == "sum" && arguments.Count == 2; // sum(A, axis): the axis is no array
        int arrayCount = call.Name is "dot" or "cross" ? 2 : 1;
        int arity = along ? 2 : arrayCount;
        if (arguments.Count != arity)
            throw LoweringError.At(call.NameSpan, $"'{call.Name}' takes {Count(arity, "argument")}, but {arguments.Count} {(arguments.Count == 1 ? "is" : "are")} given",
                call.Name == "sum" ? "write sum(a) or sum(A, axis)" : arity == 1 ? $"write {call.Name}(a)" : $"write {call.Name}(a, b)");
        var arrays = new List<ArrayValue>();
        for (int k = 0; k < arrayCount; k++)
        {
            arrays.Add(arguments[k] as ArrayValue ?? throw LoweringError.At(call.Arguments[k].Span,
                $"'{call.Name}' takes arrays, but '{NameOf(call.Arguments[k])}' is a scalar",
                call.Name is "min" or "max" ? $"write {call.Name}(a, b) for the elementwise {call.Name} of two values" : "pass an array"));
        }
        var a = arrays[0];
        switch (call.Name)
        {
            case "sum" when along:
                return SumAlong(a, arguments[1], call);
            case "sum":
                return new Scalar(Fold(a.Elements, OpKind.Add, span));
            case "min":
                return new Scalar(Fold(a.Elements, OpKind.Min, span));
            case "max":
                return new Scalar(Fold(a.Elements, OpKind.Max, span));
            case "norm":
                return new Scalar(_builder.Apply(OpKind.Sqrt, span, Fold(a.Elements.Select(x => _builder.IntegerPower(x, 2, span)).ToList(), OpKind.Add, span)));
            case "transpose":
                return a.Shape.Rank == 1 ? a : new ArrayValue(
                    Enumerable.Range(0, a.Elements.Count).Select(k => a.At(k % a.Shape.Rows, k / a.Shape.Rows)).ToList(),
                    Shape.Matrix(a.Shape.Columns, a.Shape.Rows));
        }
        var b = arrays[1];
        if (call.Name == "cross")
        {
            if (a.Shape != Shape.Vector(3) || b.Shape != Shape.Vector(3))
                throw LoweringError.At(span, $"cross takes two arrays of shape [3], but they have shapes {a.Shape} and {b.Shape}", "pass two 3-vectors");
            Operand Term(int i, int j) => _builder.Apply(OpKind.Sub, span,
                _builder.Apply(OpKind.Mul, span, a.Elements[i], b.Elements[j]), _builder.Apply(OpKind.Mul, span, a.Elements[j], b.Elements[i]));
            return new ArrayValue([Term(1, 2), Term(2, 0), Term(0, 1)]);
        }
        if (a.Shape != b.Shape || a.Shape.Rank != 1)
            throw LoweringError.At(span, $"dot takes two vectors of one length, but they have shapes {a.Shape} and {b.Shape}", "use '@' for matrices");
        return new Scalar(Dot(a.Elements.Zip(b.Elements), span));
    }

    /// <summary><c>sum(A, axis)</c>: axis 0 sums each column, axis 1 each row; a vector has only axis 0.</summary>
    private Value SumAlong(ArrayValue a, Value axisValue, CallSyntax call)
    {
        if (axisValue is not Scalar { AsInt: { } axis } scalar || !scalar.IsInteger || axis < 0 || axis >= a.Shape.Rank)
            throw LoweringError.At(call.Arguments[1].Span, $"the axis of sum must be a constant integer from 0 to {a.Shape.Rank - 1}",
                a.Shape.Rank == 1 ? "a vector has one axis: write sum(v)" : "write sum(A, 0) for column sums or sum(A, 1) for row sums");
        if (a.Shape.Rank == 1) return new Scalar(Fold(a.Elements, OpKind.Add, call.Span));
        int count = axis == 0 ? a.Shape.Columns : a.Shape.Rows;
        int length = axis == 0 ? a.Shape.Rows : a.Shape.Columns;
        return new ArrayValue(Enumerable.Range(0, count)
            .Select(k => Fold(Enumerable.Range(0, length).Select(i => axis == 0 ? a.At(i, k) : a.At(k, i)).ToList(), OpKind.Add, call.Span))
            .ToList());
    }

    /// <summary>Left fold of a binary operation: ((e0 op e1) op e2) …</summary>
    private Operand Fold(IReadOnlyList<Operand> elements, OpKind op, SourceSpan span)
    {
        var result = elements[0];
        for (int i = 1; i < elements.Count; i++) result = _builder.Apply(op, span, result, elements[i]);
        return result;
    }

    /// <summary>Evaluates the arguments left to right, then inlines <paramref name="helper"/> in place.</summary>
    private List<Value> CallHelper(CallSyntax call, FunctionSyntax helper, Scope scope, Frame frame) =>
        Inline(helper, Arguments(call.Name, call.NameSpan, call.Arguments, helper, scope, frame), new Frame(helper, frame, call.NameSpan));

    /// <summary>The arguments of a call of <paramref name="helper"/>, each checked against its parameter's shape.</summary>
    private List<Value> Arguments(string name, SourceSpan nameSpan, IReadOnlyList<ExpressionSyntax> arguments, FunctionSyntax helper, Scope scope, Frame frame)
    {
        if (arguments.Count != helper.Parameters.Count)
            throw LoweringError.At(nameSpan,
                $"'{name}' takes {Count(helper.Parameters.Count, "argument")}, but {arguments.Count} {(arguments.Count == 1 ? "is" : "are")} given",
                $"'{name}' is declared at line {helper.Span.Line} as {name}({string.Join(", ", helper.Parameters.Select(ProgramPrinter.Parameter))})");
        var values = new List<Value>();
        for (int k = 0; k < arguments.Count; k++)
        {
            var parameter = helper.Parameters[k];
            var value = Evaluate(arguments[k], scope, frame);
            var expected = ShapeOf(parameter);
            var actual = (value as ArrayValue)?.Shape;
            if (expected != actual)
                throw LoweringError.At(arguments[k].Span,
                    $"parameter '{parameter.Name}' of '{name}' is {(expected is { } e ? $"an array of shape {e}" : "a scalar")}, but the argument is {Describe(value)}",
                    expected is null ? "pass a scalar" : "pass an array of the declared shape");
            values.Add(value);
        }
        return values;
    }
}
