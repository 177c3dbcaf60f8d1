namespace Elim.Cli;

/// <summary>
/// A parsed command line: positional arguments and <c>--name value</c> / <c>--flag</c> options, checked
/// against the options a command declares, so a typo is an error and not silently ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> positional) => Positional = positional;

    /// <summary>Positional arguments in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/> against the <paramref name="options"/> a command declares.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<CommandOption> options)
    {
        var parsed = new Arguments([]);
        var positional = (List<string>)parsed.Positional;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));  // everything after "--" is positional (a file named like an option)
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            string name = arg[2..];
            string? inlineValue = null;
            int equals = name.IndexOf('=');
            if (equals >= 0) (name, inlineValue) = (name[..equals], name[(equals + 1)..]);
            if (parsed._options.ContainsKey(name)) throw new UsageException($"--{name} is given twice.");
            var option = options.FirstOrDefault(o => o.Name == name);
            if (option is null)
            {
                throw new UsageException($"Unknown option --{name}. Known options: {string.Join(", ", options.Select(o => "--" + o.Name))}.");
            }
            if (option.IsFlag)
            {
                if (inlineValue is not null) throw new UsageException($"--{name} takes no value.");
                parsed._options[name] = null;
            }
            else
            {
                // The next word is the value, unless it is another option (--at --json): then the value is missing.
                string? value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                if (value is null) throw new UsageException($"--{name} needs a value{(i + 1 < args.Count ? $" before {args[i + 1]}" : "")}.");
                parsed._options[name] = value;
            }
        }
        return parsed;
    }

    /// <summary>The value of option <paramref name="name"/>, or null when absent.</summary>
    public string? Value(string name) => _options.GetValueOrDefault(name);

    /// <summary>Whether option or flag <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The single positional argument (a file), or a usage error.</summary>
    public string SingleFile()
    {
        if (Positional.Count == 0) throw new UsageException("Missing FILE: the .elim file to read.");
        if (Positional.Count > 1) throw new UsageException($"Expected one FILE, got {Positional.Count}: {string.Join(" ", Positional)}.");
        return Positional[0];
    }
}
