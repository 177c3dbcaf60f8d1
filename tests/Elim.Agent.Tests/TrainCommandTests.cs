using Elim.Cli;
using Elim.Testing;
using Elim.TorchTool;

namespace Elim.Agent.Tests;

/// <summary>
/// <c>elim-torch train</c> refuses ordinary mistakes before training starts: one line naming the path and what to do,
/// the usage exit code, and nothing overwritten.
/// </summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("elim-train-errors-");

    public void Dispose() => _folder.Dispose();

    private string In(params string[] parts) => _folder.In(parts);

    private string WriteFile(string name, string text) => _folder.Write(name, text);

    private static string Refused(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(CommandLine.UsageError, CommandLine.Run(TorchCommands.All, args, output, error));
        Assert.Equal("", output.ToString());
        return Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ResumingWithoutACheckpointNamesTheCheckpoint()
    {
        string model = In("model.bin");
        Assert.Equal($"error: No checkpoint to resume at '{model}.ckpt'; leave out --resume to start a fresh run, or give the --out of the run to continue.",
            Refused("train", "--time", "1s", "--out", model, "--resume"));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Theory]
    [InlineData("model.bin")]
    [InlineData("model.bin.ckpt")]
    [InlineData("model.training.csv")]
    [InlineData("model.training.png")]
    public void TrainingKeepsTheFilesOfAnEarlierRunWithoutForce(string earlier)
    {
        string path = WriteFile(earlier, "from an earlier run");
        Assert.Equal($"error: '{path}' exists; pass --force to overwrite it.", Refused("train", "--time", "1s", "--out", In("model.bin")));
        Assert.Equal("from an earlier run", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void TheOtherAgentsModelOrCheckpointIsRefusedBeforeTraining()
    {
        string alphaZeroModel = WriteFile("agent.bin", "not a model");
        string priorityModel = In("priority.json");
        Search.Agent.Priority.PriorityNetwork.Initial(2, () => 0.5).Save(priorityModel);
        Assert.StartsWith($"error: The model to start from, '{priorityModel}', cannot be read (",
            Refused("train", "--time", "1s", "--out", In("a.bin"), "--from", priorityModel));
        string refused = Refused("train", "--agent", "priority", "--time", "1s", "--out", In("p.json"), "--from", alphaZeroModel);
        Assert.StartsWith($"error: The model to start from, '{alphaZeroModel}', cannot be read ({alphaZeroModel} is not a priority network (", refused);
        Assert.EndsWith("): give a model written by 'elim-torch train --agent priority'.", refused);
        string checkpoint = WriteFile("p.json.ckpt", "{\"format\": \"elim-agent\"}");
        Assert.EndsWith("resume with the --agent of the run that wrote it (this run is --agent priority), or start a fresh run.",
            Refused("train", "--agent", "priority", "--time", "1s", "--out", In("p.json"), "--resume"));
        Assert.Equal(["agent.bin", "p.json.ckpt", "priority.json"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order());
        Assert.Equal("{\"format\": \"elim-agent\"}", File.ReadAllText(checkpoint));
    }

    [Fact]
    public void AResumedRunKeepsTheSeedOfItsCheckpoint()
    {
        string model = In("p.json");
        var network = Search.Agent.Priority.PriorityNetwork.Initial(2, () => 0.5);
        new Search.Agent.Training.Priority.EvolutionState(5, 0, 0, TimeSpan.Zero, 1, int.MaxValue, 2.0, network.Hidden,
            [.. network.Parameters], new double[network.Parameters.Length], new double[network.Parameters.Length]).Save(model + ".ckpt");
        var error = new StringWriter();
        Assert.Equal(CommandLine.UsageError,
            CommandLine.Run(TorchCommands.All, ["train", "--agent", "priority", "--time", "1s", "--out", model, "--resume", "--seed", "2"], TextWriter.Null, error));
        Assert.StartsWith($"error: --seed 2: the checkpoint '{model}.ckpt' continues a run of seed 5; leave out --seed (a resumed run keeps its seed), " +
            "or start a fresh run.\n", error.ToString());
        var output = new StringWriter();
        Assert.Equal(0, CommandLine.Run(TorchCommands.All, ["train", "--agent", "priority", "--time", "1s", "--out", model, "--resume", "--max-vertices", "12"], output, TextWriter.Null));
        Assert.Contains("(seed 5)", output.ToString());
        Assert.Equal(5, Search.Agent.Training.Priority.EvolutionState.Load(model + ".ckpt").Seed);
    }

    [Fact]
    public void AMissingProgramsFolderOrStartingModelIsNamed()
    {
        Assert.Equal($"error: The programs folder '{In("none")}' does not exist.",
            Refused("train", "--time", "1s", "--out", In("model.bin"), "--programs", In("none")));
        Assert.Equal($"error: The model to start from, '{In("none.bin")}', does not exist.",
            Refused("train", "--time", "1s", "--out", In("model.bin"), "--from", In("none.bin")));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void TrainingIntoAMissingFolderNamesTheFolder()
    {
        string model = In("missing", "model.bin");
        Assert.Equal($"error: Cannot write '{model}': the folder '{In("missing")}' does not exist; create it or choose another path.",
            Refused("train", "--time", "1s", "--out", model));
    }
}

/// <summary><c>elim-torch bench</c> times TorchSharp's autograd beside elim's own contenders.</summary>
public sealed class TorchBenchTests
{
    [Fact]
    public void The_torch_tool_times_the_torchsharp_contender()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(TorchCommands.All,
            ["bench", Elim.Testing.Repository.Example("roe_flux_1d"), "--batch", "8", "--only", "primal,torchsharp", "--json"], output, error);
        Assert.True(code == 0, error.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!;
        Assert.Equal(["primal", "torchsharp"], json["results"]!.AsArray().Select(r => (string)r!["contender"]!));
        Assert.Empty(json["skipped"]!.AsArray());
    }
}
