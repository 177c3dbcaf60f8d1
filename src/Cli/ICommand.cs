namespace Elim.Cli;

/// <summary>One <c>elim</c> subcommand.</summary>
public interface ICommand
{
    /// <summary>The word after <c>elim</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The usage line, options included.</summary>
    string Usage { get; }

    /// <summary>Every option, with its meaning and default: what the parser accepts and what <c>--help</c> lists.</summary>
    IReadOnlyList<CommandOption> Options { get; }

    /// <summary>Runs the command; returns the exit code.</summary>
    int Run(Arguments arguments, TextWriter output, TextWriter error);
}
