using Elim.Graph;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Priority;
using Elim.Search.Game;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// The learned greedy orders as an order choice for code that compiles Jacobians: the compile API takes them as
/// <c>OrderSource.Explicit(AgentOrders.Priority(graph))</c> or <c>OrderSource.Explicit(AgentOrders.Greedy(graph))</c>.
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

    /// <summary>
    /// The priority network's greedy order of <paramref name="graph"/> under the model at <paramref name="modelPath"/>
    /// (default: the shipped one); up to 20,000 eliminable vertices (larger graphs throw <see cref="SearchUnavailableException"/>).
    /// </summary>
    public static EliminationOrder Priority(ComputationalGraph graph, string? modelPath = null)
    {
        PrioritySearch.SizeLimit(PriorityGreedySearch.MethodName).Check(graph);
        var game = new EliminationGame(graph);
        PriorityPolicy.Play(PriorityNetwork.Load(modelPath ?? AgentMethods.FindShippedPriorityModel()), game);
        return new EliminationOrder(game.Eliminated.ToArray());
    }
}
