using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Examples.Tests;

/// <summary>The multiplication counts of the paper, number for number.</summary>
public class PaperCostTests
{
    public static TheoryData<string> Tasks() => new(PaperTask.All.Select(t => t.Name));

    private static ComputationalGraph Load(PaperTask task) => ElimFrontend.CompileFile(Repository.Example(task.File));

    [Theory]
    [MemberData(nameof(Tasks))]
    public void ForwardReverseAndMinimalMarkowitzCostsMatch(string name)
    {
        var task = PaperTask.Named(name);
        var graph = Load(task);

        Assert.Equal(task.Vertices, graph.VertexCount);
        Assert.Equal(task.Eliminated, graph.EliminableVertices.Count);
        Assert.Equal(task.Forward, MarkowitzCost.Of(graph, StandardOrders.Forward(graph)));
        Assert.Equal(task.Reverse, MarkowitzCost.Of(graph, StandardOrders.Reverse(graph)));
        Assert.Equal(task.MinimalMarkowitz, MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph)));
    }

    [Theory]
    [InlineData("RoeFlux_1d", "reverse")]
    [InlineData("RobotArm_6DOF", "markowitz")]
    [InlineData("HumanHeartDipole", "reverse")]
    [InlineData("PropaneCombustion", "reverse")]
    [InlineData("g", "markowitz")]
    public void TheCheapestStandardOrderIsTheCheapestOfThePapersThreeCounts(string name, string expected)
    {
        var task = PaperTask.Named(name);
        var (_, cheapest, cost) = StandardOrders.Cheapest(Load(task));
        Assert.Equal(expected, cheapest);
        Assert.Equal(Math.Min(task.MinimalMarkowitz, Math.Min(task.Reverse, task.Forward)), cost);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void MinimalMarkowitzOrderIsThePapers(string name)
    {
        var task = PaperTask.Named(name);
        Assert.Equal(ReferenceOrders.MinimalMarkowitz(task).VertexIds, StandardOrders.MinimalMarkowitz(Load(task)).VertexIds);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void PublishedAlphaGradOrderCostsWhatThePaperSays(string name)
    {
        var task = PaperTask.Named(name);
        Assert.Equal(task.PublishedOrderCost, MarkowitzCost.Of(Load(task), ReferenceOrders.AlphaGrad(task)));
    }
}
