using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim cost FILE --order ...</c>: the Markowitz cost of an elimination order.</summary>
public sealed class CostCommand : ICommand
{
    private const string DefaultOrder = "markowitz";

    public string Name => "cost";
    public string Summary => "Markowitz cost (multiplications) of an elimination order";
    public string Usage => $"elim cost FILE {GraphLoader.Usage} [--order {OrderChoice.Names.Replace(", ", "|")}|PATH] [--steps] [--json]";
    public IReadOnlyList<CommandOption> Options { get; } =
    [
        .. GraphLoader.Options,
        OrderChoice.Option(DefaultOrder),
        CommandOption.Flag("steps", "also list each elimination and its cost"),
        CommandOption.Json,
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var graph = GraphLoader.Load(arguments);
        var (order, method) = OrderChoice.Resolve(graph, arguments.Value("order") ?? DefaultOrder);
        var steps = MarkowitzCost.Steps(graph, order);
        long cost = steps.Sum();
        if (arguments.Has("json"))
        {
            JsonOutput.Write(output, new
            {
                function = graph.Name,
                graphHash = GraphHash.Structural(graph),
                method,
                cost,
                order = order.VertexIds,
                steps = arguments.Has("steps") ? steps : null,
            });
            return 0;
        }
        output.WriteLine($"{graph.Name}: {method} order costs {cost} multiplications ({order.VertexIds.Count} eliminations)");
        if (arguments.Has("steps"))
        {
            for (int i = 0; i < steps.Length; i++) output.WriteLine($"  {i + 1,4}. eliminate v{order.VertexIds[i]}: {steps[i]}");
        }
        return 0;
    }
}
