using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim check FILE</c>: parses, lowers and summarises the graph.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";
    public string Summary => "parse a file and summarise the graph of a function";
    public string Usage => "elim check FILE " + GraphLoader.Usage + " [--json]";
    public IReadOnlyList<CommandOption> Options { get; } = [.. GraphLoader.Options, CommandOption.Json];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var graph = GraphLoader.Load(arguments);
        var summary = new
        {
            function = graph.Name,
            inputs = graph.InputNames,
            dataInputs = graph.DataCount > 0 ? graph.DataNames : null,
            outputs = graph.Outputs.Select(o => o.Name).ToArray(),
            vertices = graph.VertexCount,
            edges = graph.Edges.Count,
            eliminable = graph.EliminableVertices.Count,
            graphHash = GraphHash.Structural(graph),
        };
        if (arguments.Has("json"))
        {
            JsonOutput.Write(output, summary);
            return 0;
        }
        output.WriteLine($"function   {summary.function}");
        output.WriteLine($"inputs     {graph.InputCount}: {string.Join(", ", summary.inputs)}");
        if (graph.DataCount > 0) output.WriteLine($"data       {graph.DataCount}: {string.Join(", ", graph.DataNames)}");
        output.WriteLine($"outputs    {graph.OutputCount}: {string.Join(", ", summary.outputs)}");
        output.WriteLine($"vertices   {summary.vertices}");
        output.WriteLine($"edges      {summary.edges}");
        output.WriteLine($"eliminable {summary.eliminable}");
        output.WriteLine($"graph hash {summary.graphHash}");
        return 0;
    }
}
