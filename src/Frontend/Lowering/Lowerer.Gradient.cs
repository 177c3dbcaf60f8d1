using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary><c>grad(f)(x…)</c>: f inlined, then its reverse sweep built as ordinary vertices (<see cref="ReverseMode"/>).</summary>
internal sealed partial class Lowerer
{
    private Value Gradient(GradSyntax grad, Scope? scope, Frame? frame)
    {
        if (scope is null)
            throw LoweringError.At(grad.FunctionSpan, "a const cannot take a gradient", "a const may use numbers, earlier consts and elementary functions of them");
        if (!_functions.TryGetValue(grad.Function, out var helper))
        {
            throw LoweringError.At(grad.FunctionSpan,
                OpRules.FindFunction(grad.Function) is not null ? $"grad takes a function of this file, but '{grad.Function}' is elementary" : $"unknown function '{grad.Function}'",
                Suggestions.DidYouMean(grad.Function, _functions.Keys) ?? "define the function f whose gradient grad(f)(x) takes");
        }
        if (helper.Outputs is not [{ IsArray: false }])
            throw LoweringError.At(grad.FunctionSpan,
                $"grad needs a function with one scalar output, but '{helper.Name}' returns {string.Join(", ", helper.Outputs.Select(ProgramPrinter.Parameter))}",
                "the gradient is of a scalar; for a vector function, write one helper per output");
        var differentiated = helper.Parameters.Where(p => !p.IsData).ToList();
        if (differentiated.Count == 0)
            throw LoweringError.At(grad.FunctionSpan, $"every parameter of '{helper.Name}' is data, so there is nothing to differentiate with respect to",
                "remove 'data' from the parameters the gradient is taken with respect to");

        var arguments = Arguments(grad.Function, grad.FunctionSpan, grad.Arguments, helper, scope, frame!);
        // Each differentiated parameter gets fresh copy vertices: the gradient is the adjoint of those copies, well
        // defined even where one value is passed twice or a constant is passed.
        int first = _builder.VertexCount + 1;
        var withRespectTo = new List<Operand>();
        for (int k = 0; k < arguments.Count; k++)
        {
            if (helper.Parameters[k].IsData) continue;
            arguments[k] = arguments[k] switch
            {
                Scalar s => new Scalar(_builder.Copy(s.Operand, grad.Span)),
                ArrayValue a => Map(a, x => _builder.Copy(x, grad.Span)),
                _ => throw new InvalidOperationException("Unknown value."),
            };
            withRespectTo.AddRange(arguments[k] is Scalar copy ? [copy.Operand] : ((ArrayValue)arguments[k]).Elements);
        }
        var output = ((Scalar)Inline(helper, arguments, new Frame(helper, frame, grad.FunctionSpan))[0]).Operand;
        var gradient = ReverseMode.Gradient(_builder, first, output, withRespectTo, grad.Span);
        return differentiated is [{ IsArray: false }] ? new Scalar(gradient[0]) : new ArrayValue(gradient);
    }
}
