using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim dot FILE</c>: Graphviz text of the graph.</summary>
public sealed class DotCommand : ICommand
{
    public string Name => "dot";
    public string Summary => "write the graph as Graphviz dot text";
    public string Usage => "elim dot FILE " + GraphLoader.Usage;
    public IReadOnlyList<CommandOption> Options => GraphLoader.Options;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        output.Write(GraphvizWriter.Write(GraphLoader.Load(arguments)));
        return 0;
    }
}
