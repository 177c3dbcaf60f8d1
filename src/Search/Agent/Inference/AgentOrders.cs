using Elim.Graph;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// The greedy policy as an order choice for code that compiles Jacobians: the compile API takes it as
/// <c>OrderSource.Explicit(AgentOrders.Greedy(graph))</c>.
/// </summary>
public static class AgentOrders
{
    /// <summary>The greedy elimination order of <paramref name="graph"/> under the model at <paramref name="modelPath"/> (default: the shipped one).</summary>
    public static EliminationOrder Greedy(ComputationalGraph graph, string? modelPath = null)
    {
        var network = InferenceNetwork.Load(modelPath ?? AgentMethods.FindShippedModel());
        var game = new EliminationGame(graph);
        GreedyPolicy.PlayOut(network, game);
        return new EliminationOrder(game.Eliminated.ToArray());
    }
}
