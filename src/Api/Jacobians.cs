using Elim.Backend;
using Elim.Backend.Export;
using Elim.Frontend;
using Elim.Graph;

namespace Elim;

/// <summary>
/// The front door: compile an <c>.elim</c> function into a <see cref="JacobianFunction"/> (outputs plus
/// exact Jacobian, single-point and batched), or export it as a stand-alone .NET assembly.
/// </summary>
public static class Jacobians
{
    /// <summary>Compiles a function written in <paramref name="text"/> (<paramref name="file"/> names it in diagnostics).</summary>
    /// <exception cref="DiagnosticException">The text has errors (each with file, line and column).</exception>
    /// <exception cref="InvalidOrderException">The chosen order does not fit the function.</exception>
    public static JacobianFunction Compile(string text, CompileOptions? options = null, string file = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        options ??= new CompileOptions();
        return Compile(ElimFrontend.Compile(text, file, options.Function, options.Frontend), options);
    }

    /// <summary>Compiles a function of the <c>.elim</c> file at <paramref name="path"/>.</summary>
    /// <exception cref="DiagnosticException">The file is unreadable or has errors.</exception>
    /// <exception cref="InvalidOrderException">The chosen order does not fit the function.</exception>
    public static JacobianFunction CompileFile(string path, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new CompileOptions();
        return Compile(ElimFrontend.CompileFile(path, options.Function, options.Frontend), options);
    }

    /// <summary>Compiles an already built graph.</summary>
    /// <exception cref="InvalidOrderException">The chosen order does not fit the graph.</exception>
    public static JacobianFunction Compile(ComputationalGraph graph, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new CompileOptions();
        var (order, origin) = ResolveOrder(graph, options);
        return JacobianCompiler.Compile(graph, order, options.Cache, origin, options.Progress);
    }

    /// <summary>The order <paramref name="options"/> choose for <paramref name="graph"/>, and how it was chosen.</summary>
    public static (EliminationOrder Order, string Method) ResolveOrder(ComputationalGraph graph, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var (order, method) = options.Order.Resolve(graph, options.Store ?? OrderStore.Default());
        order.Validate(graph);
        return (order, method);
    }

    /// <summary>Whether <paramref name="path"/> names an exported assembly: a file name before its extension (<see cref="Export"/> needs one).</summary>
    public static bool HasAssemblyName(string path) => AssemblyExporter.HasAssemblyName(path);

    /// <summary>
    /// Writes the Jacobian of <paramref name="graph"/> by its chosen order as a stand-alone assembly at
    /// <paramref name="path"/> (see <see cref="AssemblyExporter"/> for what it contains).
    /// </summary>
    public static ExportedAssembly Export(ComputationalGraph graph, string path, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new CompileOptions();
        var (order, _) = ResolveOrder(graph, options);
        return AssemblyExporter.Export(graph, order, path, options.Progress);
    }
}
