using Elim.Graph;
using Elim.Testing;
using Xunit.Abstractions;

namespace Elim.Backend.Tests;

/// <summary>The emitted multiplications are fewer than the Markowitz count, and the graphs are the paper's.</summary>
public class EmittedCostTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TaskGraphs.Names), MemberType = typeof(TaskGraphs))]
    public void PaperGraphsHaveThePublishedBaselineCosts(string name)
    {
        var task = PaperTask.Named(name);
        var graph = TaskGraphs.Of(name);
        Assert.Equal(task.Forward, MarkowitzCost.Of(graph, StandardOrders.Forward(graph)));
        Assert.Equal(task.Reverse, MarkowitzCost.Of(graph, StandardOrders.Reverse(graph)));
        Assert.Equal(task.MinimalMarkowitz, MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph)));
    }

    [Theory]
    [MemberData(nameof(TaskGraphs.Names), MemberType = typeof(TaskGraphs))]
    public void EmittedCostIsStrictlyBelowMarkowitzCostOnEveryTask(string name)
    {
        var task = PaperTask.Named(name);
        var graph = TaskGraphs.Of(name);
        foreach (var (label, order) in Orders(task, graph))
        {
            var function = Compile.Jacobian(graph, order);
            output.WriteLine($"{name} {label}: emitted {function.EmittedCost}, Markowitz {function.MarkowitzCost}");
            Assert.Equal(MarkowitzCost.Of(graph, order), function.MarkowitzCost);
            Assert.True(function.EmittedCost < function.MarkowitzCost,
                $"{name} {label}: emitted {function.EmittedCost} is not below Markowitz {function.MarkowitzCost}");
        }
    }

    [Fact]
    public void AFunctionOfOnlyUnitPartialsEmitsNoMultiplication()
    {
        var builder = new GraphBuilder("sums");
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        var s = builder.Apply(OpKind.Add, SourceSpan.None, x, y);
        var d = builder.Apply(OpKind.Sub, SourceSpan.None, s, y);
        builder.MarkOutput("z", builder.Apply(OpKind.Neg, SourceSpan.None, d));
        var graph = builder.Build();
        var function = Compile.Jacobian(graph, StandardOrders.Forward(graph));
        Assert.Equal(4, function.MarkowitzCost);
        Assert.Equal(0, function.EmittedCost);
        var (_, jacobian) = Compile.At(function, [0.3, 0.7]);
        Assert.Equal([-1.0, 0.0], jacobian);
    }

    private static IEnumerable<(string, EliminationOrder)> Orders(PaperTask task, ComputationalGraph graph)
    {
        yield return ("forward", StandardOrders.Forward(graph));
        yield return ("reverse", StandardOrders.Reverse(graph));
        yield return ("min-Markowitz", StandardOrders.MinimalMarkowitz(graph));
        yield return ("AlphaGrad", ReferenceOrders.AlphaGrad(task));
    }
}
