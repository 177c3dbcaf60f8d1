namespace Elim.Cli.Commands;

/// <summary>
/// <c>elim train --time 30m --out model.bin [--resume] [--seed N] [--programs DIR] [--from MODEL]</c>: self-play training of the agent. Training needs
/// TorchSharp and libtorch (about 0.5 GB of native code), which the <c>elim</c> tool leaves out: here the command
/// only parses its options and says where training lives. The <c>elim-torch</c> tool (src/TorchTool) is the same
/// command line with the training behind this command.
/// </summary>
/// <param name="train">Runs the parsed command, or null where training is not part of the tool.</param>
public sealed class TrainCommand(Func<Arguments, TextWriter, int>? train = null) : ICommand
{
    /// <summary>The one line <c>elim train</c> prints where training is missing: what to install or run instead.</summary>
    public const string Missing =
        "training needs TorchSharp and libtorch, which the elim tool leaves out: use the elim-torch tool with the same options " +
        "('dotnet tool install --global elim-torch' from a feed that holds it, or 'dotnet run -c Release --project src/TorchTool -- train ...' " +
        "in a clone of elim).";

    public string Name => "train";
    public string Summary => train is null
        ? "train the agent: the alphazero network by self-play, or the priority network (in the elim-torch tool: needs TorchSharp)"
        : "train the agent: the alphazero network by self-play, or the priority network by evolution strategies";
    public string Usage => "elim train --time DURATION(e.g. 30m, 90s, 1h) --out MODEL [--agent alphazero|priority] [--resume] [--force] [--seed N] [--threads N] " +
        "[--programs DIR] [--from MODEL] [--max-vertices N]";
    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Required("time", "DURATION", "how long to train (like 30m, 90s, 1h); a resumed run trains this much more"),
        CommandOption.Required("out", "MODEL", "the model to write; MODEL.ckpt, the log and the curve go beside it"),
        new("agent", "KIND", "alphazero: the policy/value network, by self-play; priority: the priority network of the 'priority' method, by evolution strategies", "alphazero"),
        CommandOption.Flag("resume", "continue from the checkpoint MODEL.ckpt"),
        CommandOption.Force,
        new("seed", "N", "seed of everything random", "1"),
        new("threads", "N", "threads torch may use (alphazero), or that play the population's games (priority)", "1"),
        new("programs", "DIR", "also self-play the .elim programs of DIR (every third held out for validation; the paper's five scalar tasks left out)", "generated programs only"),
        new("from", "MODEL", "start a fresh run from this model's weights (fine-tuning)", "fresh weights"),
        new("max-vertices", "N", "largest generated program, in operations", "2000"),
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error) =>
        train is null ? throw new MissingPartException(Missing) : train(arguments, output);
}
