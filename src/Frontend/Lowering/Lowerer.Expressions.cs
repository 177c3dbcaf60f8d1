using Elim.Graph;

namespace Elim.Frontend.Lowering;

internal sealed partial class Lowerer
{
    /// <summary>
    /// Evaluates <paramref name="expression"/>: operands left to right, then the operation. A null
    /// <paramref name="scope"/> means a const declaration, where only earlier consts are visible.
    /// </summary>
    private Value Evaluate(ExpressionSyntax expression, Scope? scope, Frame? frame) => expression switch
    {
        NumberSyntax n => new Scalar(Operand.Constant(n.Value), n.IsInteger),
        NameSyntax n => Lookup(n, scope),
        IndexSyntax i => Element(i, scope, frame),
        NegateSyntax n => Negate(n, scope, frame),
        BinarySyntax b => Binary(b, scope, frame),
        CallSyntax c => Call(c, scope, frame),
        _ => throw new InvalidOperationException($"Unknown expression {expression.GetType().Name}."),
    };

    /// <summary>Evaluates an expression that must be a scalar.</summary>
    private Scalar EvaluateScalar(ExpressionSyntax expression, Scope? scope, Frame? frame) =>
        Evaluate(expression, scope, frame) as Scalar ?? throw LoweringError.At(expression.Span,
            $"'{NameOf(expression)}' is an array, used here as a scalar", $"pick an element, as in {NameOf(expression)}[0]");

    /// <summary>Evaluates a compile-time integer (an index or a loop bound).</summary>
    private int EvaluateInteger(ExpressionSyntax expression, Scope? scope, Frame? frame, string what)
    {
        var value = EvaluateScalar(expression, scope, frame);
        if (!value.Operand.IsConstant)
            throw LoweringError.At(expression.Span, $"{what} is not a compile-time constant",
                "use integers, consts and loop variables, and + - * of them");
        return value.AsInt ?? throw LoweringError.At(expression.Span,
            $"{what} must be an integer, but it is {value.Operand.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}",
            "use integers, consts and loop variables, and + - * of them");
    }

    private Value Lookup(NameSyntax name, Scope? scope)
    {
        if (scope?.Find(name.Name) is { } binding)
        {
            if (binding.Kind == BindingKind.LoopVariable) return new Scalar(binding.Get(0)!.Value, IsInteger: true);
            if (!binding.IsArray) return new Scalar(Read(binding, 0, name.Span));
            var elements = new List<Operand>();
            for (int i = 0; i < binding.Size; i++) elements.Add(Read(binding, i, name.Span));
            return new ArrayValue(elements);
        }
        if (_constants.TryGetValue(name.Name, out var constant)) return constant;
        throw UnknownName(name.Name, name.Span, scope);
    }

    private Value Element(IndexSyntax element, Scope? scope, Frame? frame)
    {
        var binding = scope?.Find(element.Name);
        if (binding is null)
        {
            if (_constants.ContainsKey(element.Name))
                throw LoweringError.At(element.Span, $"const '{element.Name}' is a scalar and cannot be indexed", $"write {element.Name} without an index");
            throw UnknownName(element.Name, element.Span, scope);
        }
        if (!binding.IsArray)
            throw LoweringError.At(element.Span, $"'{element.Name}' is a scalar and cannot be indexed", $"write {element.Name} without an index");
        int index = EvaluateInteger(element.Index, scope, frame, "the index");
        CheckBounds(binding, index, element.Index.Span);
        return new Scalar(Read(binding, index, element.Span));
    }

    private static void CheckBounds(Binding binding, int index, SourceSpan span)
    {
        if (index < 0 || (!binding.Growable && index >= binding.Size))
            throw LoweringError.At(span, $"index {index} is out of bounds for '{binding.Name}'" + (binding.Growable ? "" : $" of size {binding.Size}"),
                binding.Growable ? "indices start at 0" : $"use an index from 0 to {binding.Size - 1}");
    }

    private static Operand Read(Binding binding, int index, SourceSpan span) =>
        binding.Get(index) ?? throw LoweringError.At(span,
            $"{(binding.Kind == BindingKind.Output ? "output " : "")}'{binding.SlotName(index)}' is read before it is assigned",
            $"assign {binding.SlotName(index)} before this statement");

    private LoweringError UnknownName(string name, SourceSpan span, Scope? scope)
    {
        var visible = (scope?.Names ?? []).Concat(_constants.Keys);
        string hint = Suggestions.DidYouMean(name, visible)
            ?? (scope is null ? "a const may only use numbers, earlier consts and elementary functions" : $"assign '{name}' before using it, or declare it as a parameter");
        return LoweringError.At(span, $"unknown name '{name}'", hint);
    }

    private Scalar Negate(NegateSyntax negate, Scope? scope, Frame? frame)
    {
        var operand = EvaluateScalar(negate.Operand, scope, frame);
        return new Scalar(_builder.Apply(OpKind.Neg, negate.Span, operand.Operand), operand.IsInteger);
    }

    private Scalar Binary(BinarySyntax binary, Scope? scope, Frame? frame)
    {
        var left = EvaluateScalar(binary.Left, scope, frame);
        var right = EvaluateScalar(binary.Right, scope, frame);
        if (binary.Operator == '^') return Power(left, right, binary.Span);
        var op = binary.Operator switch
        {
            '+' => OpKind.Add,
            '-' => OpKind.Sub,
            '*' => OpKind.Mul,
            _ => OpKind.Div,
        };
        bool integer = left.IsInteger && right.IsInteger && op != OpKind.Div;
        return new Scalar(_builder.Apply(op, binary.Span, left.Operand, right.Operand), integer);
    }

    /// <summary><c>x^n</c> with an exponent written as an integer is JAX's integer_pow; anything else is pow.</summary>
    private Scalar Power(Scalar x, Scalar exponent, SourceSpan span)
    {
        if (exponent.IsInteger && exponent.AsInt is { } n)
            return new Scalar(_builder.IntegerPower(x.Operand, n, span), x.IsInteger && n >= 0);
        return new Scalar(_builder.Apply(OpKind.Pow, span, x.Operand, exponent.Operand));
    }

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
        var rule = OpRules.FindFunction(call.Name) ?? throw UnknownFunction(call);
        if (call.Arguments.Count != rule.Arity)
            throw LoweringError.At(call.NameSpan, $"'{call.Name}' takes {Count(rule.Arity, "argument")}, but {call.Arguments.Count} {(call.Arguments.Count == 1 ? "is" : "are")} given",
                rule.Arity == 1 ? $"write {call.Name}(x)" : $"write {call.Name}(a, b)");
        var operands = call.Arguments.Select(a => EvaluateScalar(a, scope, frame)).ToList();
        if (rule.Kind == OpKind.Pow) return Power(operands[0], operands[1], call.Span);
        return new Scalar(_builder.Apply(rule.Kind, call.Span, [.. operands.Select(o => o.Operand)]));
    }

    /// <summary>Evaluates the arguments left to right, then inlines <paramref name="helper"/> in place.</summary>
    private List<Value> CallHelper(CallSyntax call, FunctionSyntax helper, Scope scope, Frame frame)
    {
        if (call.Arguments.Count != helper.Parameters.Count)
            throw LoweringError.At(call.NameSpan,
                $"'{call.Name}' takes {Count(helper.Parameters.Count, "argument")}, but {call.Arguments.Count} {(call.Arguments.Count == 1 ? "is" : "are")} given",
                $"'{call.Name}' is declared at line {helper.Span.Line} as {call.Name}({string.Join(", ", helper.Parameters.Select(Signature))})");
        var arguments = new List<Value>();
        for (int k = 0; k < call.Arguments.Count; k++)
        {
            var parameter = helper.Parameters[k];
            var argument = call.Arguments[k];
            if (parameter.Size is { } size)
            {
                if (Evaluate(argument, scope, frame) is not ArrayValue array)
                    throw LoweringError.At(argument.Span, $"parameter '{parameter.Name}' of '{call.Name}' is an array of {size}, but a scalar is given",
                        "pass the name of an array of that size");
                if (array.Elements.Count != size)
                    throw LoweringError.At(argument.Span, $"parameter '{parameter.Name}' of '{call.Name}' is an array of {size}, but the array given has {array.Elements.Count} elements",
                        "pass an array of the declared size");
                arguments.Add(array);
            }
            else arguments.Add(EvaluateScalar(argument, scope, frame));
        }
        return Inline(helper, arguments, new Frame(helper, IsTop: false));
    }

    private LoweringError UnknownFunction(CallSyntax call)
    {
        var elementary = OpRules.All.Where(r => OpRules.FindFunction(r.Name) is not null).Select(r => r.Name).ToList();
        var close = Suggestions.Close(call.Name, elementary.Concat(_functions.Keys));
        return LoweringError.At(call.NameSpan, $"unknown function '{call.Name}'",
            close.Count > 0 ? $"did you mean {string.Join(" or ", close.Take(4).Select(c => $"'{c}'"))}?" : "the elementary functions are: " + string.Join(" ", elementary));
    }

    private static string Signature(ParameterSyntax p) => p.Size is { } n ? $"{p.Name}[{n}]" : p.Name;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        NameSyntax n => n.Name,
        CallSyntax c => c.Name + "(...)",
        _ => "this value",
    };
}
