using Elim.Graph;
using Elim.Search;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;

namespace Elim.Agent.Tests;

/// <summary>Tests that register the agent's methods (a process-wide table) run one at a time.</summary>
[Collection(Registry)]
public class RegistrationTests
{
    /// <summary>The collection of every test class that calls <see cref="AgentMethods.Register"/>.</summary>
    public const string Registry = "the agent's methods in SearchMethods";

    [Fact]
    public void Registered_methods_are_created_by_name_and_return_valid_orders()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("elim-agent-registry").FullName, "model.bin");
        ModelFile.Save(path, Fixtures.Network(seed: 5));
        AgentMethods.Register(path);
        Assert.Contains("alphazero", SearchMethods.Names);
        Assert.Contains("alphazero-greedy", SearchMethods.Names);

        var graph = Fixtures.Graph(seed: 21, inputs: 4, vertices: 30);
        long portfolio = SearchMethods.Create("portfolio").Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(5)), 0, null, default).Cost;
        foreach (string name in new[] { "alphazero-greedy", "alphazero" })
        {
            var result = SearchMethods.Create(name).Search(graph, new SearchBudget(TimeSpan.FromSeconds(20), 400), 1, null, default);
            Assert.Equal(name, result.Method);
            result.Order.Validate(graph);
            Assert.Equal(MarkowitzCost.Of(graph, result.Order), result.Cost);
            if (name == "alphazero") Assert.True(result.Cost <= portfolio, $"alphazero {result.Cost} > portfolio {portfolio}");
        }
    }

    [Fact]
    public void The_greedy_order_choice_is_a_complete_order_matching_the_search_method()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("elim-agent-orders").FullName, "model.bin");
        var net = Fixtures.Network(seed: 8);
        ModelFile.Save(path, net);
        var graph = Fixtures.Graph(seed: 13, inputs: 3, vertices: 25);
        var order = AgentOrders.Greedy(graph, path);
        order.Validate(graph);
        var network = net.ToInference();
        var viaSearch = new AlphaZeroGreedySearch(() => network, CostModel.Markowitz).Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(5)), 0, null, default);
        Assert.Equal(viaSearch.Order.VertexIds, order.VertexIds);
    }

    [Fact]
    public void A_missing_model_is_reported_with_the_path()
    {
        AgentMethods.Register("/nonexistent/agent.bin");
        var graph = Fixtures.Graph(seed: 1);
        var error = Assert.ThrowsAny<Exception>(() =>
            SearchMethods.Create("alphazero-greedy").Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(1)), 0, null, default));
        Assert.Contains("/nonexistent/agent.bin", error.Message);
    }
}
