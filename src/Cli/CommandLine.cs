using System.Reflection;
using Elim.Cli.Commands;
using Elim.Frontend;
using Elim.Graph;

namespace Elim.Cli;

/// <summary>
/// Dispatches <c>elim COMMAND ...</c> and turns every expected failure into a message and an exit code:
/// 1 for bad source (diagnostics), 2 for a bad order, 64 for a bad command line or a path it cannot use, 69 for a
/// command whose part the tool leaves out (training without TorchSharp).
/// No stack traces; 70 only for a bug.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code for diagnostics in the source.</summary>
    public const int SourceError = 1;

    /// <summary>Exit code for an order that does not fit.</summary>
    public const int OrderError = 2;

    /// <summary>Exit code for a malformed command line or a path it names that cannot be used (as sysexits' EX_USAGE).</summary>
    public const int UsageError = 64;

    /// <summary>Exit code for a command whose part the tool leaves out (as sysexits' EX_UNAVAILABLE).</summary>
    public const int UnavailableError = 69;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int InternalError = 70;

    /// <summary>Every command, in the order the help lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
        [new CheckCommand(), new OpsCommand(), new CostCommand(), new EvalCommand(), new DotCommand(), new CompileCommand(), new BenchCommand(), new SearchCommand(), new TuneCommand(), new StoreCommand(), new TrainCommand()];

    /// <summary>The version <c>elim --version</c> prints: the assembly's informational version.</summary>
    public static string Version { get; } =
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    /// <summary>Runs <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(Commands, args, output, error);

    /// <summary>
    /// Runs <paramref name="args"/> with <paramref name="commands"/> in place of <see cref="Commands"/> (the elim-torch
    /// tool: the same commands with training and the TorchSharp bench contender behind them).
    /// </summary>
    public static int Run(IReadOnlyList<ICommand> commands, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            WriteHelp(commands, output);
            return args.Count == 0 ? UsageError : 0;
        }
        if (args.Contains("--version"))
        {
            output.WriteLine($"elim {Version}");
            return 0;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"error: unknown command '{args[0]}'. Commands: {string.Join(", ", commands.Select(c => c.Name))}.");
            return UsageError;
        }
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            CommandHelp.Write(command, output);
            return 0;
        }
        try
        {
            return command.Run(Arguments.Parse(args.Skip(1).ToList(), command.Options), output, error);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine($"usage: {command.Usage}");
            return UsageError;
        }
        catch (PathException e)
        {
            error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (MissingPartException e)
        {
            error.WriteLine($"error: {e.Message}");
            return UnavailableError;
        }
        catch (DiagnosticException e)
        {
            error.WriteLine(e.Message);
            return SourceError;
        }
        catch (InvalidOrderException e)
        {
            error.WriteLine($"error: {e.Message}");
            return OrderError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
            error.WriteLine("This is a bug in elim; please report it with the command and the input file.");
            return InternalError;
        }
    }

    private static void WriteHelp(IReadOnlyList<ICommand> commands, TextWriter output)
    {
        output.WriteLine("elim — exact Jacobians by cross-country elimination");
        output.WriteLine();
        int width = commands.Max(c => c.Name.Length);
        foreach (var command in commands) output.WriteLine($"  {command.Name.PadRight(width)}  {command.Summary}");
        output.WriteLine();
        output.WriteLine("Run 'elim COMMAND --help' for a command's options, 'elim --version' for the version.");
    }
}
