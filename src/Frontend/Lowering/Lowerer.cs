using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>
/// Lowers a checked program to a graph in JAX-trace order: inputs of the chosen function in declaration
/// order (arrays scalarized row-major; data parameters become data inputs), then statements in order,
/// operands before operations, helpers inlined in place. Every written operation is a new vertex unless
/// all its operands are constants.
/// </summary>
internal sealed partial class Lowerer
{
    private readonly int _maxVertices;
    private readonly ProgramSyntax _program;
    private readonly Dictionary<string, FunctionSyntax> _functions;
    private readonly Dictionary<string, Scalar> _constants = [];
    private GraphBuilder _builder = new("");

    private Lowerer(ProgramSyntax program, Dictionary<string, FunctionSyntax> functions, FrontendOptions options)
    {
        _maxVertices = options.MaxVertices;
        _program = program;
        _functions = functions;
        foreach (var constant in program.Constants) _constants[constant.Name] = EvaluateConstant(constant);
    }

    /// <summary>Checks the whole program, then lowers <paramref name="function"/> (or the default function).</summary>
    public static ComputationalGraph Lower(ProgramSyntax program, string? function, FrontendOptions options)
    {
        var functions = ProgramChecks.Functions(program, options.MaxVertices);
        var lowerer = new Lowerer(program, functions, options);
        var chosen = ProgramChecks.Choose(program, functions, function);
        // The chosen function first, so that a graph too big is reported as the chain of calls from it; then every
        // other function is checked too, as if it were differentiated, so that its errors are reported.
        var graph = lowerer.LowerTop(chosen);
        foreach (var other in program.Functions.Where(f => f != chosen)) lowerer.LowerTop(other);
        return graph;
    }

    private ComputationalGraph LowerTop(FunctionSyntax function)
    {
        _builder = new GraphBuilder(function.Name, _maxVertices);
        var arguments = new List<Value>();
        foreach (var parameter in function.Parameters)
        {
            Operand Declare(string name) => parameter.IsData ? _builder.AddData(name) : _builder.AddInput(name);
            if (!parameter.IsArray)
            {
                arguments.Add(new Scalar(Declare(parameter.Name)));
                continue;
            }
            var shape = Shape.Of(parameter.Dimensions);
            arguments.Add(new ArrayValue(Enumerable.Range(0, shape.Count).Select(i => Declare(shape.ElementName(parameter.Name, i))).ToList(), shape));
        }
        var frame = new Frame(function, Caller: null, CallSpan: function.Span);
        var outputs = Inline(function, arguments, frame);
        for (int k = 0; k < function.Outputs.Count; k++)
        {
            var output = function.Outputs[k];
            if (outputs[k] is ArrayValue array)
                for (int i = 0; i < array.Elements.Count; i++) _builder.MarkOutput(array.Shape.ElementName(output.Name, i), array.Elements[i]);
            else _builder.MarkOutput(output.Name, ((Scalar)outputs[k]).Operand);
        }
        return _builder.Build();
    }

    /// <summary>Runs the body of <paramref name="function"/> on <paramref name="arguments"/>; returns its outputs in declaration order.</summary>
    private List<Value> Inline(FunctionSyntax function, IReadOnlyList<Value> arguments, Frame frame)
    {
        var scope = new Scope(null);
        for (int k = 0; k < function.Parameters.Count; k++)
        {
            var parameter = function.Parameters[k];
            var binding = scope.Add(new Binding(parameter.Name, BindingKind.Parameter, ShapeOf(parameter), parameter.Span));
            SetAll(binding, arguments[k], parameter.Span);
        }
        foreach (var output in function.Outputs) scope.Add(new Binding(output.Name, BindingKind.Output, ShapeOf(output), output.Span));
        foreach (var statement in function.Body) Execute(statement, scope, frame);

        var results = new List<Value>();
        foreach (var output in function.Outputs)
        {
            var binding = scope.Find(output.Name)!;
            var shape = binding.IsArray ? binding.Shape : Shape.Vector(1);
            for (int i = 0; i < shape.Count; i++)
            {
                var slot = Binding.SlotOf(shape, i);
                if (binding.Get(slot) is null || binding.Unusable(slot) is not null)
                    throw LoweringError.At(output.Span,
                        binding.IsArray ? $"output element {binding.SlotName(slot)} of '{function.Name}' is never assigned" : $"output '{output.Name}' of '{function.Name}' is never assigned",
                        $"assign it in the body of '{function.Name}': {binding.SlotName(slot)} = ...;" + (binding.Unusable(slot) is { } why ? $" ({why})" : ""));
            }
            results.Add(ValueOf(binding, output.Span));
        }
        return results;
    }

    private static Shape? ShapeOf(ParameterSyntax parameter) => parameter.IsArray ? Shape.Of(parameter.Dimensions) : null;

    /// <summary>Stores a whole value into a fresh binding of the same shape.</summary>
    private static void SetAll(Binding binding, Value value, SourceSpan at)
    {
        if (value is Scalar scalar) binding.Set((0, 0), scalar.Operand, at);
        else
        {
            var array = (ArrayValue)value;
            for (int i = 0; i < array.Elements.Count; i++) binding.Set(Binding.SlotOf(array.Shape, i), array.Elements[i], at);
        }
    }

    private Scalar EvaluateConstant(ConstSyntax constant)
    {
        var value = Evaluate(constant.Value, null, null);
        if (value is not Scalar { Operand.IsConstant: true } scalar)
            throw LoweringError.At(constant.Value.Span, $"const '{constant.Name}' is not constant",
                "a const may use numbers, earlier consts and elementary functions of them");
        return scalar;
    }

    /// <summary>How a hint about the vertex limit ends: where the limit is set, on the command line and in the API.</summary>
    internal const string RaiseTheLimit = "; or, if the graph is meant to be this big, raise the limit (elim --max-vertices N; CompileOptions.MaxVertices in the API)";

    /// <summary>
    /// The error for a graph that passed the vertex limit while <paramref name="span"/> was lowered in <paramref name="frame"/>,
    /// naming what multiplies the graph: the chain of helper calls being inlined, else the loop being unrolled.
    /// </summary>
    private LoweringError TooManyVertices(SourceSpan span, Frame frame)
    {
        string limit = $"the graph has more than {_maxVertices:N0} vertices";
        if (!frame.IsTop)
        {
            // Inlining is the usual cause: a helper that calls another helper twice doubles the graph at every level.
            var chain = new List<string>();
            for (var f = frame; !f.IsTop; f = f.Caller!) chain.Add($"{f.Function.Name} (line {f.CallSpan.Line})");
            chain.Add(frame.Top.Function.Name);
            chain.Reverse();
            string calls = chain.Count <= 6 ? string.Join(" -> ", chain) : string.Join(" -> ", [.. chain.Take(3), "...", .. chain.TakeLast(2)]);
            return LoweringError.At(span, $"{limit}, inlining {chain.Count - 1} nested helper calls: {calls}",
                "every call inlines the helper anew, so helpers that call helpers several times multiply the graph; call them fewer times, or pass values computed once" + RaiseTheLimit);
        }
        if (frame.Loops.Count > 0)
        {
            var loop = frame.Loops.Last(); // the outermost: it multiplies everything inside it
            return LoweringError.At(span,
                $"{limit}, in iteration {loop.Iteration + 1:N0} of {loop.Length:N0} of the loop over '{loop.Loop.Variable}' at line {loop.Loop.Span.Line}",
                "every iteration of a loop adds its body to the graph again: make the loop shorter" + RaiseTheLimit);
        }
        return LoweringError.At(span, $"{limit} at this statement", "its arrays expand to too many scalar operations: make them smaller" + RaiseTheLimit);
    }

    /// <summary>
    /// One inlined call of a function: who called it where (none for the differentiated function), which of its
    /// vertices are outputs, and the branches of <c>if</c> statements being lowered (innermost last).
    /// </summary>
    private sealed record Frame(FunctionSyntax Function, Frame? Caller, SourceSpan CallSpan)
    {
        /// <summary>Whether this is the differentiated function itself.</summary>
        public bool IsTop => Caller is null;

        /// <summary>The differentiated function's frame, at the bottom of the calls.</summary>
        public Frame Top => Caller?.Top ?? this;

        /// <summary>The innermost branch being lowered, when <paramref name="binding"/> was created outside it: stores to it are recorded there.</summary>
        public Branch? BranchOutside(Binding binding) =>
            Branches.TryPeek(out var branch) && binding.BranchDepth < Branches.Count ? branch : null;

        /// <summary>Where a growable array made now lives: the innermost branch's scope (it hands it on), else the function's.</summary>
        public Scope GrowableOwner(Scope scope) => Branches.TryPeek(out var branch) ? branch.Scope : scope.Function;

        public HashSet<int> OutputVertices { get; } = [];
        public Stack<Branch> Branches { get; } = new();

        /// <summary>The loops being unrolled in this call, innermost on top.</summary>
        public Stack<LoopProgress> Loops { get; } = new();
    }
}

/// <summary>How far the unrolling of a loop has come, for the message when the graph grows too big.</summary>
internal sealed class LoopProgress(ForSyntax loop, int length)
{
    public ForSyntax Loop { get; } = loop;
    public int Length { get; } = length;
    public int Iteration { get; set; }
}
