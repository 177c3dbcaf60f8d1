using Elim.Cli;

namespace Elim.Cli.Tests;

/// <summary>Runs the command line in process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => With(CommandLine.Commands, args);

    /// <summary>Runs <paramref name="args"/> with <paramref name="commands"/> instead of the real ones.</summary>
    public static CliRun With(IReadOnlyList<ICommand> commands, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(args, output, error, commands);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Fails if anything looks like a stack trace.</summary>
    public CliRun WithoutStackTrace()
    {
        Assert.DoesNotContain("   at ", Output + Error);
        Assert.DoesNotContain("Exception:", Output + Error);
        return this;
    }
}
