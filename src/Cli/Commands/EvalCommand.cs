using System.Globalization;
using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim eval FILE --at ...</c>: outputs and Jacobian at a point.</summary>
public sealed class EvalCommand : ICommand
{
    public string Name => "eval";
    public string Summary => "outputs and Jacobian at a point";
    public string Usage => $"elim eval FILE --at X1,X2,... [--function NAME] [--order {OrderChoice.Names.Replace(", ", "|")}|PATH] [--backend il|interpreter] [--json]";
    public IReadOnlyCollection<string> ValueOptions => ["function", "order", "at", "backend"];
    public IReadOnlyCollection<string> Flags => ["json"];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var graph = GraphLoader.Load(arguments.SingleFile(), arguments.Value("function"));
        var point = ParsePoint(arguments.Value("at"), graph);
        var (order, _) = OrderChoice.Resolve(graph, arguments.Value("order") ?? "markowitz");
        var (values, jacobian) = (arguments.Value("backend") ?? "il") switch
        {
            "il" => Compiled(graph, order, point),
            "interpreter" => (Interpreter.Evaluate(graph, point), Interpreter.EliminationJacobian(graph, point, order)),
            var other => throw new UsageException($"--backend '{other}' is neither il nor interpreter."),
        };
        var outputNames = graph.Outputs.Select(o => o.Name).ToArray();
        var rows = Enumerable.Range(0, graph.OutputCount)
            .Select(o => Enumerable.Range(0, graph.InputCount).Select(i => jacobian[o, i]).ToArray()).ToArray();
        if (arguments.Has("json"))
        {
            JsonOutput.Write(output, new { function = graph.Name, inputs = graph.InputNames, outputs = outputNames, point, values, jacobian = rows });
            return 0;
        }
        output.WriteLine($"{graph.Name} at ({string.Join(", ", point.Select(Format))})");
        int nameWidth = outputNames.Max(n => n.Length);
        for (int o = 0; o < outputNames.Length; o++) output.WriteLine($"  {outputNames[o].PadRight(nameWidth)} = {Format(values[o])}");
        output.WriteLine("Jacobian (row per output, column per input):");
        output.WriteLine($"  {"".PadRight(nameWidth)}  {string.Join("  ", graph.InputNames.Select(n => n.PadLeft(23)))}");
        for (int o = 0; o < outputNames.Length; o++)
            output.WriteLine($"  {outputNames[o].PadRight(nameWidth)}  {string.Join("  ", rows[o].Select(v => Format(v).PadLeft(23)))}");
        return 0;
    }

    /// <summary>Outputs and Jacobian from the IL backend.</summary>
    private static (double[], double[,]) Compiled(ComputationalGraph graph, EliminationOrder order, double[] point)
    {
        var function = Backend.JacobianCompiler.Compile(graph, order);
        var values = new double[graph.OutputCount];
        function.Evaluate(point, values, new double[graph.OutputCount * graph.InputCount]);
        return (values, function.Jacobian(point));
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>--at</c>: one number per input, comma-separated.</summary>
    internal static double[] ParsePoint(string? text, ComputationalGraph graph)
    {
        string expected = $"{graph.InputCount} comma-separated numbers, one per input ({string.Join(", ", graph.InputNames)})";
        if (text is null) throw new UsageException($"Missing --at: give {expected}.");
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != graph.InputCount)
            throw new UsageException($"--at has {parts.Length} number(s); '{graph.Name}' needs {expected}.");
        return parts.Select((part, i) => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new UsageException($"--at: '{part}' (for {graph.InputNames[i]}) is not a number.")).ToArray();
    }
}
