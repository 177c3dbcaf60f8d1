using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim ops FILE</c>: the vertex list in the paper's notation.</summary>
public sealed class OpsCommand : ICommand
{
    public string Name => "ops";
    public string Summary => "print the vertex list (id:operation, outputs starred)";
    public string Usage => "elim ops FILE " + GraphLoader.Usage;
    public IReadOnlyList<CommandOption> Options => GraphLoader.Options;

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        output.Write(GraphPrinter.Print(GraphLoader.Load(arguments)));
        return 0;
    }
}
