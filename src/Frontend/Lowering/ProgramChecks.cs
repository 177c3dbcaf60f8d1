using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>Whole-program checks before lowering: duplicate names, recursion, and choosing the function.</summary>
internal static class ProgramChecks
{
    /// <summary>
    /// The functions by name; throws on duplicates, on names of elementary functions and on signatures that declare
    /// more array elements than the graph may have vertices (<paramref name="maxVertices"/>).
    /// </summary>
    public static Dictionary<string, FunctionSyntax> Functions(ProgramSyntax program, int maxVertices)
    {
        var functions = new Dictionary<string, FunctionSyntax>();
        foreach (var function in program.Functions)
        {
            if (OpRules.FindFunction(function.Name) is not null || Lowerer.ArrayFunctionNames.Contains(function.Name))
                throw LoweringError.At(function.Span, $"function '{function.Name}' has the name of an elementary function",
                    "rename the function");
            if (functions.TryGetValue(function.Name, out var first))
                throw LoweringError.At(function.Span, $"function '{function.Name}' is defined twice (first at line {first.Span.Line})",
                    "rename one of the two functions");
            functions.Add(function.Name, function);
            CheckSignature(function, maxVertices);
        }
        var seen = new Dictionary<string, ConstSyntax>();
        foreach (var constant in program.Constants)
        {
            if (seen.TryGetValue(constant.Name, out var first))
                throw LoweringError.At(constant.Span, $"const '{constant.Name}' is defined twice (first at line {first.Span.Line})",
                    "each const is defined once; rename one of them");
            seen.Add(constant.Name, constant);
        }
        new CallGraph(functions).CheckNoRecursion(program.Functions);
        return functions;
    }

    /// <summary>The function to differentiate: the one named, else the only one no other function calls.</summary>
    public static FunctionSyntax Choose(ProgramSyntax program, Dictionary<string, FunctionSyntax> functions, string? name)
    {
        var fileSpan = CallGraph.FileSpan(program.File);
        string all = string.Join(", ", program.Functions.Select(f => f.Name));
        if (name is not null)
        {
            if (functions.TryGetValue(name, out var named)) return named;
            throw LoweringError.At(fileSpan, $"there is no function '{name}' in this file",
                program.Functions.Count == 0 ? "define it" : (Suggestions.DidYouMean(name, functions.Keys) is { } m ? m + " " : "") + $"the file defines: {all}");
        }
        if (program.Functions.Count == 0)
            throw LoweringError.At(fileSpan, "the file defines no function", "define one, as in: function f(x) -> (y) { y = sin(x); }");
        var roots = new CallGraph(functions).Roots(program.Functions);
        if (roots.Count == 1) return roots[0];
        throw LoweringError.At(roots[1].Span,
            $"cannot choose the function to differentiate: {string.Join(", ", roots.Select(r => r.Name))} are not called by another function",
            "choose one with --function NAME (CompileOptions.Function in the API)");
    }

    private static void CheckSignature(FunctionSyntax function, int maxVertices)
    {
        if (function.Outputs.Count == 0)
            throw LoweringError.At(function.Span, $"function '{function.Name}' has no outputs", "declare at least one output after '->'");
        var names = new HashSet<string>();
        if (function.Outputs.FirstOrDefault(o => o.IsData) is { } output)
            throw LoweringError.At(output.Span, $"output '{output.Name}' of '{function.Name}' is marked data",
                "only parameters can be data; remove 'data' from the output");
        foreach (var parameter in function.Parameters.Concat(function.Outputs))
        {
            if (!names.Add(parameter.Name))
                throw LoweringError.At(parameter.Span, $"'{parameter.Name}' is declared twice in the signature of '{function.Name}'",
                    "parameters and outputs need distinct names");
            if (parameter.Dimensions.Contains(0))
                throw LoweringError.At(parameter.Span, $"the size of array '{parameter.Name}' must be a positive integer",
                    $"write the size as an integer literal, as in {parameter.Name}[3]");
            if (parameter.Dimensions.Contains(-1))
                throw LoweringError.At(parameter.Span, $"the size of array '{parameter.Name}' is past {int.MaxValue:N0}, the largest size",
                    "make the array smaller");
            if (parameter.Dimensions.Count > 2)
                throw LoweringError.At(parameter.Span, $"array '{parameter.Name}' has {parameter.Dimensions.Count} dimensions; arrays have one or two",
                    $"write {parameter.Name}[n] or {parameter.Name}[m,n]");
            // Every element is a vertex of its own, and a count past int.MaxValue could not even be indexed.
            long elements = parameter.Dimensions.Aggregate(1L, (product, size) => product * size);
            if (elements > maxVertices)
                throw LoweringError.At(parameter.Span,
                    $"array '{parameter.Name}' has {elements:N0} elements, more than the graph may have vertices ({maxVertices:N0})",
                    "make the array smaller" + Lowerer.RaiseTheLimit);
        }
    }
}
