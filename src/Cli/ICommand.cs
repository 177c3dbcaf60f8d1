namespace Elim.Cli;

/// <summary>One <c>elim</c> subcommand.</summary>
public interface ICommand
{
    /// <summary>The word after <c>elim</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage text, options included.</summary>
    string Usage { get; }

    /// <summary>Options that take a value.</summary>
    IReadOnlyCollection<string> ValueOptions { get; }

    /// <summary>Options without a value.</summary>
    IReadOnlyCollection<string> Flags { get; }

    /// <summary>Runs the command; returns the exit code.</summary>
    int Run(Arguments arguments, TextWriter output, TextWriter error);
}
