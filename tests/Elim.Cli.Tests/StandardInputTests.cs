namespace Elim.Cli.Tests;

/// <summary><c>-</c> as FILE reads the program from standard input, as the compile API reads text.</summary>
public sealed class StandardInputTests
{
    [Fact]
    public void A_program_on_standard_input_is_read_like_a_file()
    {
        var eval = WithInput("function polar(r, t) -> (x, y) {\n    x = r * cos(t);\n    y = r * sin(t);\n}\n", "eval", "-", "--at", "2,0");
        Assert.Equal(0, eval.ExitCode);
        Assert.StartsWith("polar at (2, 0)", eval.Output);
        Assert.Contains("x = 2", eval.Output);
    }

    [Fact]
    public void Errors_in_it_are_located_in_stdin()
    {
        var check = WithInput("function f(x) -> (y) {\n    y = sin(z);\n}\n", "check", "-");
        Assert.Equal(CommandLine.SourceError, check.ExitCode);
        Assert.StartsWith("<stdin>:2:13: error:", check.Error);
    }

    private static CliRun WithInput(string text, params string[] args)
    {
        var previous = Console.In;
        Console.SetIn(new StringReader(text));
        try { return CliRun.Of(args).WithoutStackTrace(); }
        finally { Console.SetIn(previous); }
    }
}
