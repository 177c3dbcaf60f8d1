using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary><c>elim ops FILE</c>: the vertex list in the paper's notation.</summary>
public sealed class OpsCommand : ICommand
{
    public string Name => "ops";
    public string Summary => "print the vertex list (id:operation, outputs starred)";
    public string Usage => "elim ops FILE [--function NAME]";
    public IReadOnlyCollection<string> ValueOptions => ["function"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        output.Write(GraphPrinter.Print(GraphLoader.Load(arguments.SingleFile(), arguments.Value("function"))));
        return 0;
    }
}
