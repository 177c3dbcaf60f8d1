using Elim.Cli.Bench;
using Elim.Frontend;
using Elim.Search.Agent.Inference;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary>
/// Ordinary mistakes with files, folders and sizes: one line naming the path (or the limit) and what to do, the
/// usage exit code, never "This is a bug in elim", and nothing overwritten. (<c>search --out</c>: see SearchCommandTests.)
/// </summary>
[Collection(HelpAndVersionTests.SearchMethodRegistry)]
public sealed class UserErrorTests : IDisposable
{
    private static readonly string Roe = Repository.Example("roe_flux_1d");
    private readonly TemporaryFolder _folder = new("elim-user-errors-");

    public void Dispose() => _folder.Dispose();

    private string In(params string[] parts) => _folder.In(parts);

    private string WriteFile(string name, string text) => _folder.Write(name, text);

    /// <summary>Runs the command line and checks it failed as a user's mistake, with exactly one line on stderr.</summary>
    private static string Refused(params string[] args)
    {
        var run = CliRun.Of(args).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.DoesNotContain("This is a bug", run.Error);
        Assert.Equal("", run.Output);
        return Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void CompileIntoAMissingFolderNamesTheFolder()
    {
        string path = In("missing", "roe.dll");
        Assert.Equal($"error: Cannot write '{path}': the folder '{In("missing")}' does not exist; create it or choose another path.",
            Refused("compile", Roe, "--out", path));
        Assert.False(Directory.Exists(In("missing")));
    }

    [Fact]
    public void CompileUnderARegularFileIsRefusedEvenForRoot()
    {
        string file = WriteFile("plain.txt", "not a folder");
        string path = Path.Combine(file, "sub", "roe.dll");
        Assert.Equal($"error: Cannot write '{path}': the folder '{Path.Combine(file, "sub")}' does not exist; create it or choose another path.",
            Refused("compile", Roe, "--out", path));
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void CompileOntoAFolderIsRefused()
    {
        string path = Directory.CreateDirectory(In("roe.dll")).FullName;
        Assert.Equal($"error: '{path}' is a folder; give the path of a file to write.", Refused("compile", Roe, "--out", path));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void CompileKeepsAnExistingFileWithoutForce()
    {
        string path = WriteFile("roe.dll", "an older assembly");
        Assert.Equal($"error: '{path}' exists; pass --force to overwrite it.", Refused("compile", Roe, "--out", path));
        Assert.Equal("an older assembly", File.ReadAllText(path));
    }

    [Fact]
    public void AFolderAsTheProgramIsRefused()
    {
        Assert.Equal($"error: '{_folder.Path}' is a folder; give the .elim file to read.", Refused("check", _folder.Path));
    }

    [Fact]
    public void TrainingSaysInOneLineThatItLivesInTheTorchTool()
    {
        // The train tests proper (refusals, --resume) run against elim-torch in tests/Elim.Agent.Tests.
        var run = CliRun.Of("train", "--time", "1s", "--out", In("model.bin")).WithoutStackTrace();
        Assert.Equal(CommandLine.UnavailableError, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"error: {Commands.TrainCommand.Missing}", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void AMissingAgentModelNamesThePathAndTheVariable()
    {
        string model = In("no-such-model.bin");
        AgentMethods.Register(model);
        Assert.Equal($"error: Cannot load the agent model '{model}': Could not find file '{model}'. " +
            "Set ELIM_AGENT_MODEL to a model file written by 'elim-torch train'.",
            Refused("search", Roe, "--method", "alphazero-greedy", "--no-store"));
    }

    [Fact]
    public void AMissingPriorityModelNamesThePathAndTheVariable()
    {
        string model = In("no-such-model.json");
        AgentMethods.Register(priorityModelPath: model);
        foreach (string method in new[] { "priority", "priority-anneal" })
        {
            Assert.Equal($"error: Cannot load the agent model '{model}': Could not find file '{model}'. " +
                "Set ELIM_PRIORITY_MODEL to a model file written by 'elim-torch train'.",
                Refused("search", Roe, "--method", method, "--no-store"));
        }
        AgentMethods.Register();
    }

    [Fact]
    public void AnEmptyModelVariableIsAnUnsetOne()
    {
        AgentMethods.Register(modelPath: "", priorityModelPath: "");
        try
        {
            foreach (string method in new[] { "priority", "alphazero-greedy" })
            {
                var run = CliRun.Of("search", Roe, "--method", method, "--no-store").WithoutStackTrace();
                Assert.Equal(0, run.ExitCode);
                Assert.Contains($"roe_flux_1d: {method} found an order costing", run.Output);
            }
        }
        finally { AgentMethods.Register(); }
    }

    [Fact]
    public void AModelPathThatIsAFolderIsRefusedAsSuch()
    {
        AgentMethods.Register(priorityModelPath: _folder.Path);
        try
        {
            Assert.Equal($"error: Cannot load the agent model '{_folder.Path}': it is a folder. " +
                "Set ELIM_PRIORITY_MODEL to a model file written by 'elim-torch train'.",
                Refused("search", Roe, "--method", "priority", "--no-store"));
        }
        finally { AgentMethods.Register(); }
    }

    [Fact]
    public void ABatchTooBigToAllocateIsRefusedWithTheLimit()
    {
        var run = CliRun.Of("bench", Roe, "--batch", "2000000000", "--json").WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Equal("", run.Output);
        string line = run.Error.Split('\n')[0];
        Assert.StartsWith("error: --batch 2000000000 is too big for 'roe_flux_1d': at most ", line);
        Assert.EndsWith("give a smaller --batch.", line);
    }

    [Fact]
    public void TheBatchLimitIsTheMemoryOverTheBytesOfAPointAndNoArrayPastTheLongest()
    {
        // roe_flux_1d: 6 inputs, 3 outputs, no data: 2·6 + 3 + 18 = 33 doubles, 264 bytes a point.
        var roe = ElimFrontend.Compile(File.ReadAllText(Roe), Roe);
        Assert.Equal(1_000, BenchBatchLimit.Max(roe, 264_000));
        Assert.Equal(Array.MaxLength / 18, BenchBatchLimit.Max(roe, long.MaxValue));
    }
}
