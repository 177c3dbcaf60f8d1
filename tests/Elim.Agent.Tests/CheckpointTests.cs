using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Training;
using Elim.Search.Game;

namespace Elim.Agent.Tests;

public class CheckpointTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("elim-agent-tests").FullName;

    [Fact]
    public void A_saved_model_loads_with_identical_outputs()
    {
        var net = Fixtures.Network(seed: 4, shape: new NetworkShape(24, 3));
        string path = Path.Combine(Folder, "model.bin");
        ModelFile.Save(path, net);
        var loaded = ModelFile.Load(path);
        Assert.Equal(net.Shape, loaded.Shape);
        var game = new EliminationGame(Fixtures.Graph(seed: 2, vertices: 35));
        Fixtures.EliminateRandomPrefix(game, new Random(1), 0.3);
        var observation = GraphFeatures.Observe(game);
        var a = NetworkEvaluator.Evaluate(net, observation);
        var b = NetworkEvaluator.Evaluate(loaded, observation);
        Assert.Equal(a.Logits, b.Logits);
        Assert.Equal(a.Value, b.Value);
    }

    [Fact]
    public void A_checkpoint_restores_the_network_the_optimizer_and_the_counters()
    {
        var net = Fixtures.Network(seed: 6);
        var random = AgentRandom.FromSeed(2);
        var batch = new SelfPlay(net, SelfPlayOptions.Default).Play(RandomPrograms.Generate(random, 12, 20), random).Samples;
        var learner = new Learner(net, 1e-3);
        for (int s = 0; s < 3; s++) learner.Step(batch);
        var state = new CheckpointState(6, 3, 1, TimeSpan.FromSeconds(42), random.State, 100, batch.Count, 0.97);
        string path = Path.Combine(Folder, "run.ckpt");
        Checkpoint.Save(path, state, net, learner);

        var (loadedState, loadedNet, loadedLearner) = Checkpoint.Load(path, 1e-3);
        Assert.Equal(state, loadedState);
        // The same next step from both: equal only if Adam's moments were restored too.
        learner.Step(batch);
        loadedLearner.Step(batch);
        var observation = batch[0].Observation;
        Assert.Equal(NetworkEvaluator.Evaluate(net, observation).Logits, NetworkEvaluator.Evaluate(loadedNet, observation).Logits);
        Assert.Equal(learner.Evaluate(batch), loadedLearner.Evaluate(batch));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        string path = Path.Combine(Folder, "bogus.bin");
        File.WriteAllText(path, "not a model");
        Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));
    }
}
