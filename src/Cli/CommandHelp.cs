namespace Elim.Cli;

/// <summary><c>elim COMMAND --help</c>: the usage line, then every option with its meaning and default.</summary>
public static class CommandHelp
{
    /// <summary>Writes the help of <paramref name="command"/>.</summary>
    public static void Write(ICommand command, TextWriter output)
    {
        output.WriteLine($"usage: {command.Usage}");
        if (command.Options.Count == 0) return;
        output.WriteLine();
        output.WriteLine("options:");
        var names = command.Options.Select(o => o.IsFlag ? $"--{o.Name}" : $"--{o.Name} {o.Value}").ToList();
        int width = names.Max(n => n.Length);
        for (int i = 0; i < names.Count; i++) output.WriteLine($"  {names[i].PadRight(width)}  {Describe(command.Options[i])}");
    }

    private static string Describe(CommandOption option) => option switch
    {
        { IsFlag: true } => option.Meaning,
        { Default: null } => $"{option.Meaning} (required)",
        _ => $"{option.Meaning} (default: {option.Default})",
    };
}
