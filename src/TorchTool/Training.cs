using System.Globalization;
using Elim.Cli;
using Elim.Cli.Commands;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Priority;
using Elim.Search.Agent.Training;
using Elim.Search.Agent.Training.Priority;

namespace Elim.TorchTool;

/// <summary>What <c>elim-torch train</c> does with its parsed options (<see cref="TrainCommand"/> declares them).</summary>
public static class Training
{
    /// <summary>Checks the outputs, then trains; returns the exit code.</summary>
    public static int Run(Arguments arguments, TextWriter output)
    {
        if (arguments.Positional.Count > 0) throw new UsageException($"train takes no FILE (got {arguments.Positional[0]}).");
        bool priority = (arguments.Value("agent") ?? "alphazero") switch
        {
            "alphazero" => false,
            "priority" => true,
            var other => throw new UsageException($"--agent '{other}' is not an agent: use alphazero or priority."),
        };
        var time = SearchCommand.Time(arguments.Value("time") ?? throw new UsageException("--time is required."));
        var (programs, validationPrograms) = arguments.Value("programs") is { } folder ? TrainingPrograms.Load(folder) : ([], []);
        var options = new TrainingOptions
        {
            Time = time,
            ModelPath = arguments.Value("out") ?? throw new UsageException("--out is required."),
            Resume = arguments.Has("resume"),
            Seed = ParseInt(arguments.Value("seed") ?? "1", "--seed", int.MinValue),
            Threads = ParseInt(arguments.Value("threads") ?? "1", "--threads", 1),
            InitialModelPath = arguments.Value("from"),
            MaxVertices = ParseInt(arguments.Value("max-vertices") ?? "2000", "--max-vertices", 10),
            Programs = [.. programs.Select(p => p.Graph)],
            ValidationPrograms = [.. validationPrograms.Select(p => p.Graph)],
        };
        if (options.InitialModelPath is { } initial && !File.Exists(initial)) throw new PathException($"The model to start from, '{initial}', does not exist.");
        CheckOutputs(options, arguments.Has("force"));
        if (CheckInputs(options, priority) is int resumedSeed)
        {
            // The seed draws the validation graphs and the random stream: a resumed run keeps its own.
            if (arguments.Has("seed") && resumedSeed != options.Seed)
            {
                throw new UsageException($"--seed {options.Seed}: the checkpoint '{options.CheckpointPath}' continues a run of seed {resumedSeed}; " +
                    "leave out --seed (a resumed run keeps its seed), or start a fresh run.");
            }
            options = options with { Seed = resumedSeed };
        }
        output.WriteLine($"Training for {time} (seed {options.Seed}); model {options.ModelPath}, checkpoint {options.CheckpointPath}, " +
            $"log {options.LogPath}, curve {options.CurvePath}.");
        if (arguments.Value("programs") is not null)
        {
            output.WriteLine($"Training on generated programs and {string.Join(", ", programs.Select(p => p.File))}; " +
                $"held out for validation: {string.Join(", ", validationPrograms.Select(p => p.File))}.");
        }
        // Ctrl-C or SIGTERM ends the run as its time would: a last validation, the model if best, and the checkpoint
        // that --resume continues (the work since the last validation is kept).
        using var interrupt = new CancellationTokenSource();
        using var signals = new StopSignals(interrupt);
        double best = priority
            // The priority network's games are cheap: validate on more and larger graphs, and more often.
            ? new EvolutionTrainer(options with { ValidationGraphs = 48, ValidationMaxVertices = options.MaxVertices,
                ValidationInterval = TimeSpan.FromMinutes(1) }, output).Run(interrupt.Token)
            : new Trainer(options, output).Run(interrupt.Token);
        output.WriteLine($"Done. Best validation greedy/best-standard ratio {best:F4}; model saved to {options.ModelPath}.");
        return 0;
    }

    // Before training starts: a resumed run needs its checkpoint and continues its own files; a fresh run would
    // replace the model, checkpoint, log and curve of an earlier one, so it needs --force for any that exist.
    private static void CheckOutputs(TrainingOptions options, bool force)
    {
        if (options.Resume && !File.Exists(options.CheckpointPath))
        {
            throw new PathException($"No checkpoint to resume at '{options.CheckpointPath}'; " +
                "leave out --resume to start a fresh run, or give the --out of the run to continue.");
        }
        foreach (string path in new[] { options.ModelPath, options.CheckpointPath, options.LogPath, options.CurvePath })
            OutputPath.Check(path, replace: options.Resume || force);
    }

    // Before training starts: the model to start from and the checkpoint to resume must be of this --agent's kind (the
    // other agent's files, or damaged ones, are the user's to fix, not a crash in the middle of the run). Returns the
    // resumed run's seed.
    private static int? CheckInputs(TrainingOptions options, bool priority)
    {
        string agent = priority ? " --agent priority" : "";
        if (options.InitialModelPath is { } initial)
        {
            CheckReadable($"The model to start from, '{initial}',", () => priority ? PriorityNetwork.Load(initial) : (object)ModelFile.Load(initial),
                $"give a model written by 'elim-torch train{agent}'.");
        }
        if (!options.Resume) return null;
        return CheckReadable($"The checkpoint '{options.CheckpointPath}'",
            () => priority ? EvolutionState.Load(options.CheckpointPath).Seed : Checkpoint.Load(options.CheckpointPath, options.LearningRate).State.Seed,
            $"resume with the --agent of the run that wrote it (this run is --agent {(priority ? "priority" : "alphazero")}), or start a fresh run.");
    }

    private static T CheckReadable<T>(string what, Func<T> read, string hint)
    {
        try { return read(); }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new PathException($"{what} cannot be read ({e.Message.TrimEnd('.')}): {hint}");
        }
    }

    private static int ParseInt(string text, string option, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < minimum)
            throw new UsageException($"{option} '{text}' is not an integer of at least {minimum}.");
        return value;
    }
}
