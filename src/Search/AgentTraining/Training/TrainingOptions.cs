namespace Elim.Search.Agent.Training;

/// <summary>What <see cref="Trainer"/> does and where it writes.</summary>
public sealed record TrainingOptions
{
    /// <summary>Wall-clock time to train (a resumed run trains this much more).</summary>
    public required TimeSpan Time { get; init; }

    /// <summary>Where the best model (by validation) is saved; the checkpoint, CSV log and PNG go beside it.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Seed of everything random (network initialization, curriculum, noise, batches).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Continue from the checkpoint beside <see cref="ModelPath"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>Network size for a fresh run.</summary>
    public Network.NetworkShape Shape { get; init; } = Network.NetworkShape.Default;

    /// <summary>Self-play settings.</summary>
    public SelfPlayOptions SelfPlay { get; init; } = SelfPlayOptions.Default;

    /// <summary>Generated programs have between this many …</summary>
    public int MinVertices { get; init; } = 10;

    /// <summary>… and this many operations.</summary>
    public int MaxVertices { get; init; } = 150;

    /// <summary>Positions per gradient step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Gradient steps per new position (after each game).</summary>
    public double StepsPerPosition { get; init; } = 0.25;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Replay buffer capacity in positions.</summary>
    public int BufferCapacity { get; init; } = 20_000;

    /// <summary>Validation graphs.</summary>
    public int ValidationGraphs { get; init; } = 12;

    /// <summary>Time between validations (each also writes the checkpoint and a log row).</summary>
    public TimeSpan ValidationInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Threads torch may use (one: the batches are small, and spinning threads lose badly on a shared machine).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The checkpoint's path.</summary>
    public string CheckpointPath => ModelPath + ".ckpt";

    /// <summary>The CSV log's path.</summary>
    public string LogPath => Path.ChangeExtension(ModelPath, ".training.csv");

    /// <summary>The training curve's path.</summary>
    public string CurvePath => Path.ChangeExtension(ModelPath, ".training.png");
}
