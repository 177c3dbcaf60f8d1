using System.Globalization;
using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim eval FILE --at ... [--data ...]</c>: outputs and Jacobian at a point.</summary>
public sealed class EvalCommand : ICommand
{
    private const string DefaultOrder = "best";

    public string Name => "eval";
    public string Summary => "outputs and Jacobian at a point";
    public string Usage => $"elim eval FILE --at X1,X2,... [--data D1,D2,...] {GraphLoader.Usage} [--order {OrderChoice.Names.Replace(", ", "|")}|PATH] [--backend il|interpreter] [--device {DeviceOption.Choices}] [--json]";
    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Required("at", "X1,X2,...", "the point: one number per input"),
        new("data", "D1,D2,...", "the data inputs: one number per data input", "none; required when the function has data inputs"),
        .. GraphLoader.Options,
        OrderChoice.Option(DefaultOrder),
        new("backend", "il|interpreter", "run the order as compiled IL or on the reference interpreter", "il"),
        DeviceOption.Option,
        CommandOption.Json,
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var graph = GraphLoader.Load(arguments);
        var point = PointOptions.Inputs(arguments.Value("at"), graph);
        var data = PointOptions.Data(arguments.Value("data"), graph)!;
        var (order, method) = OrderChoice.Resolve(graph, arguments.Value("order") ?? DefaultOrder);
        string backend = arguments.Value("backend") ?? "il";
        if (backend != "il" && arguments.Value("device") is { } device && device != "cpu")
            throw new UsageException($"--device {device} runs compiled code; it does not apply to --backend {backend}.");
        var (values, jacobian) = backend switch
        {
            "il" => Compiled(graph, order, point, data, arguments, error),
            "interpreter" => (Interpreter.Evaluate(graph, point, data), Interpreter.EliminationJacobian(graph, point, order, data)),
            var other => throw new UsageException($"--backend '{other}' is neither il nor interpreter."),
        };
        var outputNames = graph.Outputs.Select(o => o.Name).ToArray();
        var rows = Enumerable.Range(0, graph.OutputCount)
            .Select(o => Enumerable.Range(0, graph.InputCount).Select(i => jacobian[o, i]).ToArray()).ToArray();
        if (arguments.Has("json"))
        {
            bool hasData = graph.DataCount > 0;
            JsonOutput.Write(output, new
            {
                function = graph.Name, inputs = graph.InputNames, dataInputs = hasData ? graph.DataNames : null, outputs = outputNames,
                point, data = hasData ? data : null, order = method, values, jacobian = rows,
            });
            return 0;
        }
        string with = graph.DataCount > 0 ? $" with data ({string.Join(", ", data.Select(Format))})" : "";
        output.WriteLine($"{graph.Name} at ({string.Join(", ", point.Select(Format))}){with}, order {method}");
        int nameWidth = outputNames.Max(n => n.Length);
        for (int o = 0; o < outputNames.Length; o++) output.WriteLine($"  {outputNames[o].PadRight(nameWidth)} = {Format(values[o])}");
        output.WriteLine("Jacobian (row per output, column per input):");
        output.WriteLine($"  {"".PadRight(nameWidth)}  {string.Join("  ", graph.InputNames.Select(n => n.PadLeft(23)))}");
        for (int o = 0; o < outputNames.Length; o++)
            output.WriteLine($"  {outputNames[o].PadRight(nameWidth)}  {string.Join("  ", rows[o].Select(v => Format(v).PadLeft(23)))}");
        return 0;
    }

    /// <summary>
    /// Outputs and Jacobian from the IL backend, or its kernel on the <c>--device</c> (a batch of one point); a compile
    /// that takes more than a second shows its progress.
    /// </summary>
    private static (double[], double[,]) Compiled(ComputationalGraph graph, EliminationOrder order, double[] point, double[] data,
        Arguments arguments, TextWriter error)
    {
        var display = ProgressDisplay.On(error);
        var function = Backend.JacobianCompiler.Compile(graph, order, progress: display);
        var values = new double[graph.OutputCount];
        var flat = new double[graph.OutputCount * graph.InputCount];
        using (var device = DeviceOption.Open(arguments, error).Device)
        {
            if (device is null)
            {
                function.Prepare(display);
                display.Finish();
                function.Evaluate(point, data, values, flat);
            }
            else
            {
                using var kernel = Gpu.GpuJacobian.Create(device, function);
                kernel.Evaluate(point, data, values, flat, count: 1);
            }
        }
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        Buffer.BlockCopy(flat, 0, jacobian, 0, flat.Length * sizeof(double));
        return (values, jacobian);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
