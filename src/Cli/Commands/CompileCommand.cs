using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim compile FILE --out NAME.dll</c>: writes the compiled Jacobian as a stand-alone .NET assembly.</summary>
public sealed class CompileCommand : ICommand
{
    private const string DefaultOrder = "best";

    public string Name => "compile";
    public string Summary => "write the compiled Jacobian as a stand-alone .NET assembly";
    public string Usage => "elim compile FILE --out NAME.dll " + GraphLoader.Usage + $" [--order {OrderChoice.Names.Replace(", ", "|")}|PATH] [--force] [--dump]";
    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Required("out", "NAME.dll", "the assembly to write"),
        .. GraphLoader.Options,
        OrderChoice.Option(DefaultOrder),
        CommandOption.Force,
        CommandOption.Flag("dump", "also print the emitted program"),
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string path = arguments.Value("out") ?? throw new UsageException("Missing --out: the .dll file to write.");
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--out '{path}' must name a .dll file.");
        if (!Jacobians.HasAssemblyName(path))
            throw new UsageException($"--out '{path}' has no name before .dll (it becomes the assembly's name); give one, e.g. roe.dll.");
        OutputPath.Check(path, replace: arguments.Has("force"));
        var graph = GraphLoader.Load(arguments);
        string choice = arguments.Value("order") ?? DefaultOrder;
        var (order, method) = OrderChoice.Resolve(graph, choice);
        var display = ProgressDisplay.On(error);
        var options = new CompileOptions { Order = OrderSource.Explicit(order), Progress = display };
        var exported = Writing(path, () => Jacobians.Export(graph, path, options));
        var dump = arguments.Has("dump") ? Jacobians.Compile(graph, options).Dump() : null;
        display.Finish();
        if (dump is not null) output.Write(dump);
        string data = exported.DataCount > 0 ? "double[] data, " : "";
        output.WriteLine($"wrote {exported.Path}: {exported.TypeName}.Jacobian(double[] x, {data}double[] outputs, double[] jacobian)");
        output.WriteLine($"  {graph.Name}: {exported.InputCount} inputs, {exported.OutputCount} outputs; {method} order: " +
            $"emitted cost {exported.EmittedCost}, Markowitz cost {exported.MarkowitzCost}");
        if (exported.References.Count > 0)
            output.WriteLine($"  note: the assembly references {string.Join(", ", exported.References)} (ship it beside the .dll)");
        return 0;
    }

    // The path was checked before the work; what still fails here (a full disk) is the file system's, not elim's.
    private static T Writing<T>(string path, Func<T> write)
    {
        try { return write(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw OutputPath.CannotWrite(path, e); }
    }
}
