using Elim.Cli;

namespace Elim.Cli.Tests;

/// <summary>Runs the command line in process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
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
