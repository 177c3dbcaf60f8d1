using System.Text.RegularExpressions;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary>
/// Every <c>$ elim ...</c> example of docs/cli.md, and the README's main command, run in process on a fresh home and on
/// a home whose order store holds orders for the documented examples: they must print what the page says. A page's
/// <c>...</c> stands for anything, durations ("in 2.9 s") may differ, and whitespace does not count (JSON is sketched on
/// fewer lines than printed).
/// </summary>
[Collection(OrderStoreEnvironment.Name)]
public sealed class DocumentationExamplesTests
{
    public static TheoryData<bool> Homes() => [false, true];

    [Theory]
    [MemberData(nameof(Homes))]
    public void Every_cli_md_example_prints_what_the_page_says(bool populatedStore)
    {
        using var home = new TemporaryHome(populatedStore);
        var examples = DocumentedExamples.Read(Repository.PathOf("docs/cli.md"));
        Assert.True(examples.Count >= 10, $"only {examples.Count} examples found in docs/cli.md");
        foreach (var example in examples)
        {
            var run = home.Run(example.Command);
            string printed = home.Normalize(run.ExitCode == 0 ? run.Output : run.Error);
            Assert.True(DocumentedExamples.Matches(example.ExpectedOutput, printed),
                $"`{example.Command}` (exit {run.ExitCode}) printed:\n{printed}\ndocs/cli.md says:\n{example.ExpectedOutput}");
        }
    }

    [Theory]
    [MemberData(nameof(Homes))]
    public void The_readme_main_command_says_which_order_it_used(bool populatedStore)
    {
        using var home = new TemporaryHome(populatedStore);
        string readme = File.ReadAllText(Repository.PathOf("README.md"));
        string command = Regex.Match(readme, @"dotnet run --project src/Cli -- (eval [^\n]+)").Groups[1].Value;
        var run = home.Run("elim " + command);

        Assert.Equal(0, run.ExitCode);
        string firstLine = run.Output.Split('\n')[0];
        Assert.Contains(populatedStore ? ", order stored portfolio" : ", order reverse (the cheapest", firstLine);
    }

    /// <summary>
    /// A temporary <c>HOME</c> (and no <c>ELIM_ORDER_STORE</c>) until disposed; populated, its store holds the
    /// portfolio's orders for the examples the page uses, so an example that read the user's store would print
    /// something else. Example commands run with paths made absolute: <c>examples/...</c> in the repository,
    /// <c>chain.elim</c> and <c>loop.elim</c> (the page describes them) written here.
    /// </summary>
    private sealed class TemporaryHome : IDisposable
    {
        private readonly string? _previousHome = Environment.GetEnvironmentVariable("HOME");
        private readonly string? _previousStore = Environment.GetEnvironmentVariable(Graph.OrderStore.DirectoryVariable);
        private readonly string _directory = Directory.CreateTempSubdirectory("elim-docs-").FullName;
        private readonly List<(string Actual, string Documented)> _paths = [];

        public TemporaryHome(bool populatedStore)
        {
            Environment.SetEnvironmentVariable("HOME", _directory);
            Environment.SetEnvironmentVariable(Graph.OrderStore.DirectoryVariable, null);
            File.WriteAllText(Path.Combine(_directory, "chain.elim"), DoublingHelperChain.Generate(26));
            File.WriteAllText(Path.Combine(_directory, "loop.elim"),
                "function f(x) -> (y) {\n    s[0] = x;\n    for i in 1..100000 { s[i] = sin(s[i - 1]); }\n    y = s[99999];\n}\n");
            _paths.Add((_directory + "/", ""));
            _paths.Add((Repository.PathOf("") .TrimEnd('/') + "/", ""));
            if (!populatedStore) return;
            foreach (string example in new[] { "roe_flux_1d", "lighthouse" })
                Assert.Equal(0, CliRun.Of("search", Repository.Example(example), "--method", "portfolio").ExitCode);
        }

        /// <summary>Runs one line of the page: <c>export NAME=PATH</c> (PATH made a folder of this home) or <c>elim ARGS</c>.</summary>
        public CliRun Run(string command)
        {
            string[] words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[0] == "export")
            {
                var (name, documented) = (words[1].Split('=')[0], words[1].Split('=')[1]);
                string actual = Path.Combine(_directory, Path.GetFileName(documented));
                _paths.Insert(0, (actual, documented));
                Environment.SetEnvironmentVariable(name, actual);
                return new CliRun(0, "", "");
            }
            Assert.Equal("elim", words[0]);
            return CliRun.Of([.. words[1..].Select(Argument)]).WithoutStackTrace();
        }

        /// <summary>What was printed with this home's paths written as the page writes them.</summary>
        public string Normalize(string printed) =>
            _paths.Aggregate(printed, (text, path) => text.Replace(path.Actual, path.Documented));

        private string Argument(string word) =>
            word.StartsWith("examples/") ? Repository.PathOf(word)
            : word.EndsWith(".elim") ? Path.Combine(_directory, word)
            : word;

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("HOME", _previousHome);
            Environment.SetEnvironmentVariable(Graph.OrderStore.DirectoryVariable, _previousStore);
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>The <c>$ elim ...</c> examples of a markdown page: each command and the lines after it.</summary>
public sealed record DocumentedExamples(string Command, string ExpectedOutput)
{
    private static readonly Regex CodeBlock = new(@"```(?:sh|text)\n(.*?)```", RegexOptions.Singleline);

    public static IReadOnlyList<DocumentedExamples> Read(string path)
    {
        var examples = new List<DocumentedExamples>();
        foreach (Match block in CodeBlock.Matches(File.ReadAllText(path)))
        {
            string? command = null;
            var output = new List<string>();
            foreach (string line in block.Groups[1].Value.Split('\n'))
            {
                if (!line.StartsWith("$ ")) { output.Add(line); continue; }
                if (command is not null) examples.Add(new(command, string.Join('\n', output).Trim()));
                (command, output) = (line[2..].Trim(), []);
            }
            if (command is not null) examples.Add(new(command, string.Join('\n', output).Trim()));
        }
        return examples;
    }

    /// <summary>Whether <paramref name="printed"/> is what <paramref name="expected"/> describes (see the tests' summary).</summary>
    public static bool Matches(string expected, string printed)
    {
        string pattern = Regex.Escape(Squash(expected))
            .Replace(@"\.\.\.", ".*?")
            .Replace("_DURATION_", @"[0-9.]+s");
        // No word boundary after the s: squashed, a duration at the end of a line runs into the next line's words.
        pattern = Regex.Replace(pattern, @"[0-9]+\\\.[0-9]+s", @"[0-9.]+s");
        return Regex.IsMatch(Squash(printed), "^" + pattern + "$", RegexOptions.Singleline);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", "");
}
