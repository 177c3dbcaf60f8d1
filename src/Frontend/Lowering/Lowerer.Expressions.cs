using System.Globalization;
using Elim.Graph;

namespace Elim.Frontend.Lowering;

internal sealed partial class Lowerer
{
    /// <summary>
    /// Evaluates <paramref name="expression"/>: operands left to right, then the operation (element by
    /// element, row-major, for arrays). A null <paramref name="scope"/> means a const declaration, where only
    /// earlier consts are visible.
    /// </summary>
    private Value Evaluate(ExpressionSyntax expression, Scope? scope, Frame? frame) => expression switch
    {
        NumberSyntax n => new Scalar(Operand.Constant(n.Value), n.IsInteger),
        NameSyntax n => Lookup(n, scope),
        IndexSyntax i => Index(i, scope, frame),
        NegateSyntax n => Negate(n, scope, frame),
        NotSyntax n => new Scalar(_builder.Apply(OpKind.Not, n.Span, Condition(n.Operand, scope, frame, "'!'").Operand)),
        BinarySyntax b => Binary(b, scope, frame),
        LogicalSyntax l => Logical(l, scope, frame),
        ConditionalSyntax c => Choose(c, scope, frame),
        ArrayLiteralSyntax l => Literal(l, scope, frame),
        CallSyntax c => Call(c, scope, frame),
        GradSyntax g => Gradient(g, scope, frame),
        _ => throw new InvalidOperationException($"Unknown expression {expression.GetType().Name}."),
    };

    /// <summary>Evaluates an expression that must be a scalar.</summary>
    private Scalar EvaluateScalar(ExpressionSyntax expression, Scope? scope, Frame? frame) =>
        Evaluate(expression, scope, frame) switch
        {
            Scalar scalar => scalar,
            ArrayValue array => throw LoweringError.At(expression.Span,
                $"'{NameOf(expression)}' is an array of shape {array.Shape}, used here as a scalar",
                $"pick an element, as in {NameOf(expression)}[{(array.Shape.Rank == 1 ? "0" : "0, 0")}], or reduce it, as in sum(...)"),
            _ => throw new InvalidOperationException("Unknown value."),
        };

    /// <summary>Evaluates a compile-time integer (an index, a slice bound or a loop bound).</summary>
    private int EvaluateInteger(ExpressionSyntax expression, Scope? scope, Frame? frame, string what)
    {
        var value = EvaluateScalar(expression, scope, frame);
        if (!value.Operand.IsConstant)
            throw LoweringError.At(expression.Span, $"{what} is not a compile-time constant",
                "use integers, consts and loop variables, and + - * of them");
        double number = value.Operand.Value;
        if (value.AsInt is { } integer) return integer;
        string shown = number.ToString("R", CultureInfo.InvariantCulture);
        throw double.IsInteger(number)
            ? LoweringError.At(expression.Span, $"{what} is {shown}, past the integers an index or a bound can be (±{int.MaxValue:N0})",
                "use smaller numbers")
            : LoweringError.At(expression.Span, $"{what} must be an integer, but it is {shown}",
                "use integers, consts and loop variables, and + - * of them");
    }

    private Value Lookup(NameSyntax name, Scope? scope)
    {
        if (scope?.Find(name.Name) is { } binding)
        {
            if (binding.Kind == BindingKind.LoopVariable) return new Scalar(binding.Get((0, 0))!.Value, IsInteger: true);
            return ValueOf(binding, name.Span);
        }
        if (_constants.TryGetValue(name.Name, out var constant)) return constant;
        throw UnknownName(name.Name, name.Span, scope);
    }

    /// <summary>The whole value of <paramref name="binding"/>: every slot must be readable.</summary>
    private static Value ValueOf(Binding binding, SourceSpan span)
    {
        if (!binding.IsArray) return new Scalar(Read(binding, (0, 0), span));
        var shape = binding.Shape;
        var elements = new Operand[shape.Count];
        for (int i = 0; i < elements.Length; i++) elements[i] = Read(binding, Binding.SlotOf(shape, i), span);
        return new ArrayValue(elements, shape);
    }

    private static Operand Read(Binding binding, (int Row, int Column) slot, SourceSpan span)
    {
        if (binding.Unusable(slot) is { } reason)
            throw LoweringError.At(span, $"'{binding.SlotName(slot)}' is {reason}",
                $"assign {binding.SlotName(slot)} in every branch, or before the if");
        return binding.Get(slot) ?? throw LoweringError.At(span,
            $"{(binding.Kind == BindingKind.Output ? "output " : "")}'{binding.SlotName(slot)}' is read before it is assigned",
            $"assign {binding.SlotName(slot)} before this statement");
    }

    private LoweringError UnknownName(string name, SourceSpan span, Scope? scope)
    {
        var visible = (scope?.Names ?? []).Concat(_constants.Keys);
        string hint = Suggestions.DidYouMean(name, visible)
            ?? (scope is null ? "a const may only use numbers, earlier consts and elementary functions" : $"assign '{name}' before using it, or declare it as a parameter");
        return LoweringError.At(span, $"unknown name '{name}'", hint);
    }

    private Value Negate(NegateSyntax negate, Scope? scope, Frame? frame)
    {
        var operand = Evaluate(negate.Operand, scope, frame);
        if (operand is Scalar scalar) return new Scalar(_builder.Apply(OpKind.Neg, negate.Span, scalar.Operand), scalar.IsInteger);
        return Map((ArrayValue)operand, x => _builder.Apply(OpKind.Neg, negate.Span, x));
    }

    private Value Binary(BinarySyntax binary, Scope? scope, Frame? frame)
    {
        var left = Evaluate(binary.Left, scope, frame);
        var right = Evaluate(binary.Right, scope, frame);
        if (binary.Operator == '@') return MatrixProduct(left, right, binary);
        if (left is Scalar a && right is Scalar b) return ScalarBinary(binary.Operator, a, b, binary.Span);
        string action = binary.Operator switch { '+' => "add", '-' => "subtract", '*' => "multiply", '/' => "divide", _ => "raise to powers" };
        return Elementwise(left, right, binary.Span, action, (x, y) => ScalarBinary(binary.Operator, x, y, binary.Span).Operand);
    }

    private Scalar ScalarBinary(char op, Scalar left, Scalar right, SourceSpan span)
    {
        if (op == '^') return Power(left, right, span);
        var kind = op switch
        {
            '+' => OpKind.Add,
            '-' => OpKind.Sub,
            '*' => OpKind.Mul,
            _ => OpKind.Div,
        };
        bool integer = left.IsInteger && right.IsInteger && kind != OpKind.Div;
        return new Scalar(_builder.Apply(kind, span, left.Operand, right.Operand), integer);
    }

    /// <summary><c>x^n</c> with an exponent written as an integer is JAX's integer_pow; anything else is pow.</summary>
    private Scalar Power(Scalar x, Scalar exponent, SourceSpan span)
    {
        if (exponent.IsInteger && exponent.AsInt is { } n)
            return new Scalar(_builder.IntegerPower(x.Operand, n, span), x.IsInteger && n >= 0);
        return new Scalar(_builder.Apply(OpKind.Pow, span, x.Operand, exponent.Operand));
    }

    /// <summary>A comparison or logical operation of two scalars: 1 or 0, never differentiated.</summary>
    private Scalar Logical(LogicalSyntax logical, Scope? scope, Frame? frame)
    {
        string what = $"'{logical.Operator}'";
        var left = Condition(logical.Left, scope, frame, what);
        var right = Condition(logical.Right, scope, frame, what);
        var (kind, swap) = logical.Operator switch
        {
            "<" => (OpKind.Less, false),
            "<=" => (OpKind.LessEqual, false),
            ">" => (OpKind.Less, true),
            ">=" => (OpKind.LessEqual, true),
            "==" => (OpKind.Equal, false),
            "!=" => (OpKind.NotEqual, false),
            "&&" => (OpKind.And, false),
            _ => (OpKind.Or, false),
        };
        var operands = swap ? new[] { right.Operand, left.Operand } : [left.Operand, right.Operand];
        var result = _builder.Apply(kind, logical.Span, operands);
        return new Scalar(result, result.IsConstant);
    }

    /// <summary>A scalar operand of a comparison, a logical operator or a condition; arrays are refused.</summary>
    private Scalar Condition(ExpressionSyntax expression, Scope? scope, Frame? frame, string what) =>
        Evaluate(expression, scope, frame) as Scalar ?? throw LoweringError.At(expression.Span,
            $"{what} needs scalars, but '{NameOf(expression)}' is an array",
            "compare elements, as in a[0] < b[0], or reductions, as in max(a) < 1");

    /// <summary><c>c ? a : b</c>: both arms are computed; arrays are chosen element by element.</summary>
    private Value Choose(ConditionalSyntax conditional, Scope? scope, Frame? frame)
    {
        var condition = Condition(conditional.Condition, scope, frame, "the condition of '?'");
        var whenTrue = Evaluate(conditional.WhenTrue, scope, frame);
        var whenFalse = Evaluate(conditional.WhenFalse, scope, frame);
        return Select(condition.Operand, whenTrue, whenFalse, conditional.Span);
    }

    private Value Select(Operand condition, Value whenTrue, Value whenFalse, SourceSpan span)
    {
        if (whenTrue is Scalar t && whenFalse is Scalar f)
            return new Scalar(_builder.Apply(OpKind.Select, span, condition, t.Operand, f.Operand), condition.IsConstant && (condition.Value != 0 ? t : f).IsInteger);
        return Elementwise(whenTrue, whenFalse, span, "choose between", (a, b) => _builder.Apply(OpKind.Select, span, condition, a.Operand, b.Operand));
    }

    private LoweringError UnknownFunction(CallSyntax call)
    {
        var elementary = OpRules.All.Where(r => OpRules.FindFunction(r.Name) is not null).Select(r => r.Name).Concat(ArrayFunctionNames).ToList();
        var close = Suggestions.Close(call.Name, elementary.Concat(_functions.Keys));
        return LoweringError.At(call.NameSpan, $"unknown function '{call.Name}'",
            close.Count > 0 ? $"did you mean {string.Join(" or ", close.Take(4).Select(c => $"'{c}'"))}?" : "the elementary functions are: " + string.Join(" ", elementary));
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        NameSyntax n => n.Name,
        IndexSyntax i => i.Name + "[...]",
        CallSyntax c => c.Name + "(...)",
        _ => "this value",
    };
}
