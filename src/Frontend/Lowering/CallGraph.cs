using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>Which function calls which helper, where; finds recursion and the default function.</summary>
internal sealed class CallGraph
{
    private readonly Dictionary<string, FunctionSyntax> _functions;
    private readonly Dictionary<string, List<CallSyntax>> _calls = [];

    /// <summary>Collects the helper calls of every function of <paramref name="functions"/>.</summary>
    public CallGraph(Dictionary<string, FunctionSyntax> functions)
    {
        _functions = functions;
        foreach (var function in functions.Values)
        {
            var calls = new List<CallSyntax>();
            foreach (var statement in function.Body) Collect(statement, calls);
            _calls[function.Name] = calls.Where(c => functions.ContainsKey(c.Name)).ToList();
        }
    }

    /// <summary>Functions that no other function calls, in source order.</summary>
    public IReadOnlyList<FunctionSyntax> Roots(IEnumerable<FunctionSyntax> inOrder)
    {
        var calledByAnother = _calls.SelectMany(c => c.Value.Where(call => call.Name != c.Key).Select(call => call.Name)).ToHashSet();
        return inOrder.Where(f => !calledByAnother.Contains(f.Name)).ToList();
    }

    /// <summary>Throws at the first call that closes a cycle (direct or mutual recursion), naming the cycle.</summary>
    public void CheckNoRecursion(IEnumerable<FunctionSyntax> inOrder)
    {
        var done = new HashSet<string>();
        foreach (var function in inOrder) Visit(function.Name, [], [], done);
    }

    // The path is kept as a list (for the message) and a set (a chain of n helpers is checked in O(n), not O(n²)).
    private void Visit(string name, List<string> path, HashSet<string> onPath, HashSet<string> done)
    {
        if (done.Contains(name)) return;
        path.Add(name);
        onPath.Add(name);
        foreach (var call in _calls[name])
        {
            if (onPath.Contains(call.Name))
            {
                int start = path.IndexOf(call.Name);
                string cycle = string.Join(" -> ", path.Skip(start).Append(call.Name));
                throw LoweringError.At(call.NameSpan,
                    start == path.Count - 1 ? $"function '{name}' calls itself" : $"recursive call: {cycle}",
                    "helpers are inlined at every call, so they cannot call themselves, directly or through other functions");
            }
            Visit(call.Name, path, onPath, done);
        }
        path.RemoveAt(path.Count - 1);
        onPath.Remove(name);
        done.Add(name);
    }

    private static void Collect(StatementSyntax statement, List<CallSyntax> calls)
    {
        switch (statement)
        {
            case AssignSyntax a:
                foreach (var index in a.Target.Indices) Collect(index, calls);
                Collect(a.Value, calls);
                break;
            case DestructureSyntax d:
                Collect(d.Call, calls);
                break;
            case ForSyntax f:
                Collect(f.Low, calls);
                Collect(f.High, calls);
                foreach (var s in f.Body) Collect(s, calls);
                break;
            case IfSyntax i:
                Collect(i.Condition, calls);
                foreach (var s in i.Then.Concat(i.Otherwise ?? [])) Collect(s, calls);
                break;
        }
    }

    // grad(f)(x) counts as a call of f: it inlines f.
    private static void Collect(ExpressionSyntax? expression, List<CallSyntax> calls)
    {
        switch (expression)
        {
            case CallSyntax c:
                calls.Add(c);
                foreach (var argument in c.Arguments) Collect(argument, calls);
                break;
            case GradSyntax g:
                calls.Add(new CallSyntax(g.Function, g.Arguments, g.FunctionSpan, g.Span));
                foreach (var argument in g.Arguments) Collect(argument, calls);
                break;
            case BinarySyntax b:
                Collect(b.Left, calls);
                Collect(b.Right, calls);
                break;
            case LogicalSyntax l:
                Collect(l.Left, calls);
                Collect(l.Right, calls);
                break;
            case ConditionalSyntax c:
                Collect(c.Condition, calls);
                Collect(c.WhenTrue, calls);
                Collect(c.WhenFalse, calls);
                break;
            case NegateSyntax n:
                Collect(n.Operand, calls);
                break;
            case NotSyntax n:
                Collect(n.Operand, calls);
                break;
            case ArrayLiteralSyntax l:
                foreach (var element in l.Elements) Collect(element, calls);
                break;
            case IndexSyntax i:
                foreach (var part in i.Parts)
                {
                    Collect(part.Index, calls);
                    Collect(part.Low, calls);
                    Collect(part.High, calls);
                }
                break;
        }
    }

    /// <summary>Where the file is, for diagnostics that belong to no construct.</summary>
    public static SourceSpan FileSpan(string file) => new(file, 0, 0, 0);
}
