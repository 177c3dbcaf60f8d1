namespace Elim.Cli;

/// <summary>
/// One option of a command: the one place it is declared, so the parser accepts it and <c>elim COMMAND --help</c>
/// lists it with its meaning and default.
/// </summary>
/// <param name="Name">The name after <c>--</c>.</param>
/// <param name="Value">The value's placeholder in help (<c>N</c>, <c>PATH</c>); null for a flag, which takes no value.</param>
/// <param name="Meaning">What it does, in a few words.</param>
/// <param name="Default">What applies when it is not given; null for a flag (off) or for a value option that must be given.</param>
public sealed record CommandOption(string Name, string? Value, string Meaning, string? Default)
{
    /// <summary>Whether the option takes no value.</summary>
    public bool IsFlag => Value is null;

    /// <summary>A flag: off unless given.</summary>
    public static CommandOption Flag(string name, string meaning) => new(name, null, meaning, null);

    /// <summary>A value option that must be given.</summary>
    public static CommandOption Required(string name, string value, string meaning) => new(name, value, meaning, null);

    /// <summary><c>--json</c>, the same wherever a command has it.</summary>
    public static CommandOption Json { get; } = Flag("json", "write the result as JSON instead of text");

    /// <summary><c>--force</c> of every command that writes files.</summary>
    public static CommandOption Force { get; } = Flag("force", "replace output files that already exist (without it, they are kept and the command stops)");
}
