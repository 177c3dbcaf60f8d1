using Elim.Graph;

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

    /// <summary>
    /// A model file whose weights a fresh run starts from (fine-tuning; its shape replaces <see cref="Shape"/>), or null to
    /// start from random weights. Ignored when resuming: the checkpoint has the weights.
    /// </summary>
    public string? InitialModelPath { get; init; }

    /// <summary>Network size for a fresh run.</summary>
    public Network.NetworkShape Shape { get; init; } = Network.NetworkShape.Default;

    /// <summary>Self-play settings.</summary>
    public SelfPlayOptions SelfPlay { get; init; } = SelfPlayOptions.Default;

    /// <summary>Generated programs have between this many …</summary>
    public int MinVertices { get; init; } = 10;

    /// <summary>… and, the small ones, this many operations …</summary>
    public int SmallMaxVertices { get; init; } = 150;

    /// <summary>
    /// … and the large ones at most this many. Self-play searches only a window of moves on large graphs
    /// (<see cref="SelfPlayOptions.MoveBudget"/>), which is what makes 2,000 affordable; the window's moves still cost
    /// about the graph's size each, which is the cap on going further.
    /// </summary>
    public int MaxVertices { get; init; } = 2_000;

    /// <summary>Share of generated programs drawn large (<see cref="SmallMaxVertices"/> to <see cref="MaxVertices"/>).</summary>
    public double LargeShare { get; init; } = 0.05;

    /// <summary>Real programs (from the language, compiled by the caller) to self-play on besides generated ones.</summary>
    public IReadOnlyList<ComputationalGraph> Programs { get; init; } = [];

    /// <summary>Share of games played on <see cref="Programs"/> (when there are any).</summary>
    public double ProgramShare { get; init; } = 0.2;

    /// <summary>Real programs held out of training, scored in validation beside the generated validation graphs.</summary>
    public IReadOnlyList<ComputationalGraph> ValidationPrograms { get; init; } = [];

    /// <summary>Positions per gradient step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Gradient steps per new position (after each game).</summary>
    public double StepsPerPosition { get; init; } = 0.25;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Replay buffer capacity in positions.</summary>
    public int BufferCapacity { get; init; } = 20_000;

    /// <summary>Generated validation graphs (drawn like the training ones, from a seed of their own, up to <see cref="ValidationMaxVertices"/>).</summary>
    public int ValidationGraphs { get; init; } = 16;

    /// <summary>
    /// The largest generated validation graph: validation plays whole games greedily, one forward pass per move, so a
    /// 2,000-vertex graph would take a minute or more of every validation.
    /// </summary>
    public int ValidationMaxVertices { get; init; } = 400;

    /// <summary>Time between validations (each also writes the checkpoint and a log row).</summary>
    public TimeSpan ValidationInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Threads torch may use (one: the batches are small, and spinning threads lose badly on a shared machine).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The checkpoint's path.</summary>
    public string CheckpointPath => ModelPath + ".ckpt";

    /// <summary>The CSV log's path.</summary>
    public string LogPath => Path.ChangeExtension(ModelPath, ".training.csv");

    /// <summary>The training curve's path.</summary>
    public string CurvePath => Path.ChangeExtension(ModelPath, ".training.png");
}
