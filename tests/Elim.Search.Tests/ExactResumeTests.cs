using Elim.Graph;
using Elim.Search.Exact;
using Elim.Testing;

namespace Elim.Search.Tests;

/// <summary>Exact search's checkpoints: stopping and resuming loses nothing, and a checkpoint that does not fit is refused.</summary>
public class ExactResumeTests
{
    private static readonly SearchBudget Unlimited = SearchBudget.OfTime(TimeSpan.FromMinutes(5));

    /// <summary>Random graphs (seed, vertices) whose uninterrupted search visits 3,000 to 30,000 nodes (no bound under the emitted model: smaller ones).</summary>
    public static TheoryData<int, int, CostModel> HardGraphs() => new()
    {
        { 5, 23, CostModel.Markowitz }, { 19, 27, CostModel.Markowitz }, { 35, 23, CostModel.Markowitz }, { 38, 26, CostModel.Markowitz },
        { 16, 14, CostModel.Emitted }, { 29, 15, CostModel.Emitted },
    };

    internal static ComputationalGraph Graph(int seed, int vertices = 23) => RandomGraphs.Create(seed, 2 + seed % 3, vertices);

    [Theory, MemberData(nameof(HardGraphs))]
    public void A_search_stopped_and_resumed_ends_as_one_uninterrupted_run(int seed, int vertices, CostModel model)
    {
        var graph = Graph(seed, vertices);
        var exact = new BranchAndBound(model);
        var whole = exact.Search(graph, Unlimited, ExactStart.Fresh, null, default).Result;
        Assert.True(whole.ProvenOptimal);

        var start = ExactStart.Fresh;
        long nodes = 0, bound = 0;
        int legs = 0;
        ExactOutcome leg;
        do
        {
            leg = exact.Search(graph, SearchBudget.OfIterations(3000), start, null, default);
            legs++;
            nodes += leg.Result.Evaluations;
            // Every leg's bound is a true bound, and none is lower than the one before: resuming keeps what was proven.
            Assert.InRange(leg.Result.LowerBound, bound, whole.Cost);
            Assert.True(leg.Result.Cost >= whole.Cost);
            bound = leg.Result.LowerBound;
            start = new ExactStart(Resume: ExactCheckpoint.Parse(leg.Checkpoint.ToJson()));
        } while (!leg.Checkpoint.Finished);

        Assert.True(legs >= 2, $"the search finished in its first leg ({whole.Evaluations} nodes)");
        Assert.True(leg.Result.ProvenOptimal);
        Assert.Equal(whole.Cost, leg.Result.Cost);
        Assert.Equal(nodes, leg.Checkpoint.Nodes);
        // Each resume walks down its saved path again (at most one node per eliminable vertex); nothing else is repeated.
        Assert.InRange(nodes, whole.Evaluations, whole.Evaluations + legs * graph.EliminableVertices.Count);
    }

    [Fact]
    public void A_finished_checkpoint_resumes_to_the_proven_optimum_without_searching()
    {
        var graph = Graph(35);
        var exact = new BranchAndBound(CostModel.Markowitz);
        var done = exact.Search(graph, Unlimited, ExactStart.Fresh, null, default);
        Assert.True(done.Checkpoint.Finished);
        var again = exact.Search(graph, Unlimited, new ExactStart(Resume: ExactCheckpoint.Parse(done.Checkpoint.ToJson())), null, default);
        Assert.True(again.Result.ProvenOptimal);
        Assert.Equal(done.Result.Cost, again.Result.Cost);
        Assert.Equal(0, again.Result.Evaluations);
        Assert.Equal(2, again.Checkpoint.Runs);
    }

    [Fact]
    public void A_checkpoint_of_another_graph_or_cost_model_is_refused()
    {
        var checkpoint = Stopped(Graph(5), CostModel.Markowitz);
        var other = Graph(19, 27);
        var exact = new BranchAndBound(CostModel.Markowitz);
        var refusal = Assert.Throws<InvalidCheckpointException>(() =>
            exact.Search(other, Unlimited, new ExactStart(Resume: checkpoint), null, default));
        Assert.StartsWith($"it was written for 'random5' (graph hash {GraphHash.Content(Graph(5))}), not for 'random19' (graph hash ", refusal.Message);

        var wrongModel = Assert.Throws<InvalidCheckpointException>(() => checkpoint.CheckFits(Graph(5), CostModel.Emitted));
        Assert.Equal("it was written for the markowitz cost model, not the emitted one; resume it with --cost markowitz", wrongModel.Message);
    }

    [Fact]
    public void A_checkpoint_whose_path_names_other_candidates_is_refused()
    {
        var graph = Graph(5);
        var checkpoint = Stopped(graph, CostModel.Markowitz);
        Assert.NotEmpty(checkpoint.Path);
        var first = checkpoint.Path[0];
        var shifted = checkpoint with { Path = [first with { Candidate = first.Candidate + 1 }, .. checkpoint.Path.Skip(1)] };
        var refusal = Assert.Throws<InvalidCheckpointException>(() => shifted.CheckFits(graph, CostModel.Markowitz));
        Assert.StartsWith("its search path does not fit this graph at depth 0", refusal.Message);
    }

    [Theory]
    [InlineData("[1, 2, 3]", "it is not an exact-search checkpoint (no \"format\": \"elim exact-search checkpoint\")")]
    [InlineData("{ \"format\": \"elim exact-search checkpoint\", \"version\": 99 }", "it has format version 99; this elim reads version 1")]
    [InlineData("{ \"format\": \"elim exact-search checkpoint\", \"version\": 1 }", "it is damaged: ")]
    [InlineData("not json", "it is not an exact-search checkpoint (not valid JSON: ")]
    public void Text_that_is_not_a_checkpoint_of_this_version_is_refused(string text, string message)
    {
        Assert.StartsWith(message, Assert.Throws<InvalidCheckpointException>(() => ExactCheckpoint.Parse(text)).Message);
    }

    [Fact]
    public void A_checkpoint_reads_back_as_written()
    {
        var checkpoint = Stopped(Graph(38, 26), CostModel.Markowitz);
        var read = ExactCheckpoint.Parse(checkpoint.ToJson());
        Assert.Equal(checkpoint.Path, read.Path);
        Assert.Equal(checkpoint.Incumbent.VertexIds, read.Incumbent.VertexIds);
        Assert.Equal(checkpoint.BoundGroups!.SelectMany(g => g), read.BoundGroups!.SelectMany(g => g));
        Assert.Equal(checkpoint.Transpositions!.ToArray(), read.Transpositions!.ToArray());
        Assert.Equal((checkpoint.IncumbentCost, checkpoint.LowerBound, checkpoint.Nodes, checkpoint.Runs), (read.IncumbentCost, read.LowerBound, read.Nodes, read.Runs));
    }

    private static ExactCheckpoint Stopped(ComputationalGraph graph, CostModel model)
    {
        var stopped = new BranchAndBound(model).Search(graph, SearchBudget.OfIterations(3000), ExactStart.Fresh, null, default).Checkpoint;
        Assert.False(stopped.Finished);
        return stopped;
    }
}
