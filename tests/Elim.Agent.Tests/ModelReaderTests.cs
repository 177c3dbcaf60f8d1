using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Agent.Tests;

/// <summary>The plain C# model reader (what the CLI and the library use) against TorchSharp's own load.</summary>
public class ModelReaderTests
{
    private static readonly string Shipped = Repository.PathOf(Path.Combine("models", "agent.bin"));

    [Fact]
    public void The_plain_reader_gives_the_shipped_weights_bit_for_bit_as_torch_loads_them()
    {
        var plain = AgentModel.Load(Shipped);
        var torch = ModelFile.Load(Shipped);
        Assert.Equal(torch.Shape, plain.Shape);
        var parameters = torch.named_parameters().ToList();
        Assert.Equal(parameters.Select(p => p.name).Order(), plain.Weights.Keys.Order());
        foreach (var (name, parameter) in parameters)
        {
            Assert.Equal(parameter.shape.Select(d => (int)d), plain.Weights[name].Dimensions);
            var expected = parameter.detach().cpu().data<float>().ToArray().Select(BitConverter.SingleToInt32Bits);
            Assert.Equal(expected, plain.Weights[name].Values.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void The_network_read_without_torch_evaluates_like_the_torch_loaded_one()
    {
        var fromFile = InferenceNetwork.Load(Shipped);
        var fromTorch = ModelFile.Load(Shipped).ToInference();
        var game = new EliminationGame(Fixtures.Graph(seed: 9, vertices: 40));
        Fixtures.EliminateRandomPrefix(game, new Random(3), 0.4);
        var observation = GraphFeatures.Observe(game);
        var a = fromFile.Evaluate(observation);
        var b = fromTorch.Evaluate(observation);
        Assert.Equal(a.Logits, b.Logits);
        Assert.Equal(a.Value, b.Value);
    }

    [Fact]
    public void A_damaged_model_is_refused_with_invalid_data()
    {
        byte[] bytes = File.ReadAllBytes(Shipped);
        string cut = Path.Combine(Directory.CreateTempSubdirectory("elim-model-reader").FullName, "cut.bin");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => AgentModel.Load(cut));
        File.WriteAllText(cut, "not a model");
        Assert.Throws<InvalidDataException>(() => InferenceNetwork.Load(cut));
    }
}
