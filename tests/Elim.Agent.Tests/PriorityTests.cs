using Elim.Frontend;
using Elim.Graph;
using Elim.Search;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Priority;
using Elim.Search.Agent.Training;
using Elim.Search.Agent.Training.Priority;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Agent.Tests;

[Collection(RegistrationTests.Registry)]   // registers models of its own: not while another class does
public class PriorityTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("elim-priority-tests").FullName;

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(29)]
    public void A_network_reading_only_the_Markowitz_degree_plays_minimal_Markowitz(int seed)
    {
        var parameters = new double[PriorityNetwork.ParameterCount(4)];
        parameters[^(PriorityFeatures.Count - PriorityFeatures.MarkowitzIndex)] = 1;   // the linear term's weights come last
        var graph = Fixtures.Graph(seed, inputs: 5, vertices: 60);
        var game = new EliminationGame(graph);
        Assert.True(PriorityPolicy.Play(new PriorityNetwork(4, parameters), game));
        var markowitz = SearchMethods.Create("markowitz").Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(5)), 0, null, default);
        Assert.Equal(markowitz.Order.VertexIds, game.Eliminated.ToArray());
    }

    [Fact]
    public void A_saved_network_loads_with_identical_priorities_and_a_foreign_file_is_refused()
    {
        var random = AgentRandom.FromSeed(4);
        var network = PriorityNetwork.Initial(8, random.Gaussian);
        string path = Path.Combine(Folder, "priority.json");
        network.Save(path);
        var loaded = PriorityNetwork.Load(path);
        var features = Enumerable.Range(0, PriorityFeatures.Count).Select(i => (float)Math.Sin(i)).ToArray();
        Assert.Equal(network.Evaluate(features), loaded.Evaluate(features));

        string foreign = Path.Combine(Folder, "foreign.json");
        File.WriteAllText(foreign, "{\"format\": \"something-else\", \"features\": 14, \"hidden\": 1, \"parameters\": []}");
        Assert.Contains("is not a priority network", Assert.Throws<InvalidDataException>(() => PriorityNetwork.Load(foreign)).Message);
        string cut = Path.Combine(Folder, "cut.json");
        File.WriteAllText(cut, File.ReadAllText(path).Replace("\"parameters\"", "\"weights\""));
        Assert.Contains("is not a whole priority network", Assert.Throws<InvalidDataException>(() => PriorityNetwork.Load(cut)).Message);
    }

    [Fact]
    public void The_search_methods_return_valid_orders_and_annealing_from_the_network_never_loses_to_its_start()
    {
        string path = Path.Combine(Folder, "registered.json");
        PriorityNetwork.Initial(8, AgentRandom.FromSeed(9).Gaussian).Save(path);
        AgentMethods.Register(priorityModelPath: path);
        var graph = Fixtures.Graph(seed: 17, inputs: 4, vertices: 50);
        var greedy = SearchMethods.Create("priority").Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(5)), 0, null, default);
        var annealed = SearchMethods.Create("priority-anneal").Search(graph, new SearchBudget(TimeSpan.FromSeconds(20), 20_000), 1, null, default);
        foreach (var result in new[] { greedy, annealed })
        {
            result.Order.Validate(graph);
            Assert.Equal(MarkowitzCost.Of(graph, result.Order), result.Cost);
        }
        Assert.True(annealed.Cost <= greedy.Cost, $"priority-anneal {annealed.Cost} > priority {greedy.Cost}");
        Assert.Equal(greedy.Order.VertexIds, AgentOrders.Priority(graph, path).VertexIds);
    }

    [Fact]
    public void A_missing_priority_model_is_reported_with_the_path_and_the_variable()
    {
        AgentMethods.Register(priorityModelPath: "/nonexistent/priority.json");
        var error = Assert.Throws<SearchUnavailableException>(() =>
            SearchMethods.Create("priority").Search(Fixtures.Graph(seed: 1), SearchBudget.OfTime(TimeSpan.FromSeconds(1)), 0, null, default));
        Assert.Contains("/nonexistent/priority.json", error.Message);
        Assert.Contains("ELIM_PRIORITY_MODEL", error.Message);
        AgentMethods.Register();
    }

    [Fact]
    public void Training_writes_the_model_checkpoint_and_log_and_a_resumed_run_continues_them()
    {
        string model = Path.Combine(Directory.CreateTempSubdirectory("elim-priority-run").FullName, "priority.json");
        var options = new TrainingOptions
        {
            Time = TimeSpan.FromSeconds(2), ModelPath = model, Seed = 3, MaxVertices = 60, SmallMaxVertices = 40, ValidationGraphs = 4,
            ValidationInterval = TimeSpan.FromSeconds(1),
        };
        var trainer = new EvolutionTrainer(options, TextWriter.Null) { Pairs = 2, GraphsPerGeneration = 2 };
        trainer.Run();
        var first = EvolutionState.Load(options.CheckpointPath);
        Assert.True(first.Generation > 0);
        PriorityNetwork.Load(model);
        int rows = File.ReadAllLines(options.LogPath).Length;

        new EvolutionTrainer(options with { Resume = true, Time = TimeSpan.FromSeconds(1) }, TextWriter.Null) { Pairs = 2, GraphsPerGeneration = 2 }.Run();
        var resumed = EvolutionState.Load(options.CheckpointPath);
        Assert.True(resumed.Generation > first.Generation);
        Assert.True(resumed.Trained > first.Trained);
        Assert.True(File.ReadAllLines(options.LogPath).Length > rows);
        Assert.True(File.Exists(options.CurvePath));
    }

    [Theory]
    [InlineData("roe_flux_1d")]
    [InlineData("robot_arm_6dof")]
    [InlineData("human_heart_dipole")]
    [InlineData("propane_combustion")]
    [InlineData("g")]
    public void The_shipped_network_beats_forward_reverse_and_minimal_Markowitz_on_the_unseen_paper_tasks(string file)
    {
        var graph = ElimFrontend.CompileFile(Repository.Example(file));
        var game = new EliminationGame(graph);
        PriorityPolicy.Play(PriorityNetwork.Load(AgentMethods.FindShippedPriorityModel()), game);
        Assert.True(game.Cost < StandardOrders.Cheapest(graph).Cost, $"{file}: priority {game.Cost}, best standard {StandardOrders.Cheapest(graph).Cost}");
    }
}
