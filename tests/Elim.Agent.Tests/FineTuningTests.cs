using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Training;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Agent.Tests;

/// <summary>A fresh run can start from a model's weights, and its log's first row scores those weights before any training.</summary>
public sealed class FineTuningTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("elim-fine-tuning-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_from_a_model_scores_it_first_and_keeps_it_until_something_beats_it()
    {
        var start = Fixtures.Network(seed: 12, shape: new NetworkShape(24, 2));
        string startPath = _folder.In("start.bin");
        ModelFile.Save(startPath, start);
        var options = new TrainingOptions
        {
            Time = TimeSpan.Zero, ModelPath = _folder.In("tuned.bin"), InitialModelPath = startPath, ValidationGraphs = 3,
            ValidationPrograms = [Fixtures.Graph(seed: 4, vertices: 25)],
        };
        double best = new Trainer(options, TextWriter.Null).Run();

        var row = Assert.Single(new TrainingLog(options.LogPath, options.CurvePath).Read());
        Assert.Equal(0, row.Step);
        Assert.Equal(new Validation(options, seed: int.MaxValue - options.Seed).Score(start).MeanRatio, row.ValidationRatio, 4);
        Assert.Equal(row.ValidationRatio, best, 4);
        var saved = ModelFile.Load(options.ModelPath);
        Assert.Equal(start.Shape, saved.Shape);
        var observation = GraphFeatures.Observe(new EliminationGame(Fixtures.Graph(seed: 8, vertices: 30)));
        Assert.Equal(NetworkEvaluator.Evaluate(start, observation).Logits, NetworkEvaluator.Evaluate(saved, observation).Logits);
    }
}
