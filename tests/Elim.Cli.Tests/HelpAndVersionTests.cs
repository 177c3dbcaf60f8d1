using System.Reflection;

namespace Elim.Cli.Tests;

/// <summary>
/// <c>elim --version</c>, and <c>elim COMMAND --help</c>: every option the parser accepts is described, listed with its
/// default, and in the usage line, so help and parser cannot drift apart.
/// </summary>
[Collection(SearchMethodRegistry)]
public sealed class HelpAndVersionTests
{
    /// <summary>
    /// Tests that register search methods (which <c>search</c>'s usage line lists) run apart from the ones that read
    /// the usage line twice.
    /// </summary>
    public const string SearchMethodRegistry = "SearchMethods registry";

    public static TheoryData<string> CommandNames() => new(CommandLine.Commands.Select(c => c.Name));

    private static ICommand Command(string name) => CommandLine.Commands.Single(c => c.Name == name);

    [Theory]
    [InlineData("--version")]
    [InlineData("check", "--version")]
    [InlineData("train", "--version")]
    public void VersionPrintsTheAssemblysInformationalVersion(params string[] args)
    {
        var run = CliRun.Of(args);
        string expected = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"elim {expected}{Environment.NewLine}", run.Output);
        Assert.StartsWith("0.1.0", expected);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryOptionHasAMeaningAndAValuePlaceholderOrNone(string name)
    {
        var options = Command(name).Options;
        Assert.All(options, o => Assert.False(string.IsNullOrWhiteSpace(o.Meaning), $"{name} --{o.Name} has no meaning"));
        Assert.All(options, o => Assert.True(o.Value is null || o.Value.Length > 0, $"{name} --{o.Name} has an empty placeholder"));
        Assert.Equal(options.Count, options.Select(o => o.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void HelpStartsWithTheUsageLineAndListsEveryOptionWithItsDefault(string name)
    {
        var command = Command(name);
        var run = CliRun.Of(name, "--help");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.Equal($"usage: {command.Usage}", lines[0]);
        foreach (var option in command.Options)
        {
            string head = option.IsFlag ? $"--{option.Name}" : $"--{option.Name} {option.Value}";
            string line = Assert.Single(lines, l => l.TrimStart().StartsWith(head + " ", StringComparison.Ordinal));
            Assert.Contains(option.Meaning, line);
            if (option.Default is not null) Assert.EndsWith($"(default: {option.Default})", line);
            else if (!option.IsFlag) Assert.EndsWith("(required)", line);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void TheUsageLineNamesEveryOption(string name)
    {
        var command = Command(name);
        Assert.All(command.Options, o => Assert.Matches($@"--{o.Name}\b", command.Usage));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void TheParserAcceptsEveryOption(string name)
    {
        var options = Command(name).Options;
        var args = options.SelectMany(o => o.IsFlag ? [$"--{o.Name}"] : new[] { $"--{o.Name}", "1" }).ToList();
        var parsed = Arguments.Parse(args, options);
        Assert.All(options, o => Assert.True(parsed.Has(o.Name), $"{name} --{o.Name}"));
    }
}
