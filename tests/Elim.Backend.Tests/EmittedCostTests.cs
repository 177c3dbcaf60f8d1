using System.Text.Json.Nodes;
using Elim.Graph;
using Xunit.Abstractions;

namespace Elim.Backend.Tests;

/// <summary>The emitted multiplications are fewer than the Markowitz count, and the graphs are the paper's.</summary>
public class EmittedCostTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(PaperTasks.Names), MemberType = typeof(PaperTasks))]
    public void PaperGraphsHaveThePublishedBaselineCosts(string name)
    {
        var task = PaperTasks.Named(name);
        Assert.Equal(task.Forward, MarkowitzCost.Of(task.Graph, StandardOrders.Forward(task.Graph)));
        Assert.Equal(task.Reverse, MarkowitzCost.Of(task.Graph, StandardOrders.Reverse(task.Graph)));
        Assert.Equal(task.MinimalMarkowitz, MarkowitzCost.Of(task.Graph, StandardOrders.MinimalMarkowitz(task.Graph)));
    }

    [Theory]
    [MemberData(nameof(PaperTasks.Names), MemberType = typeof(PaperTasks))]
    public void EmittedCostIsStrictlyBelowMarkowitzCostOnEveryTask(string name)
    {
        var task = PaperTasks.Named(name);
        foreach (var (label, order) in Orders(task))
        {
            var function = Compile.Jacobian(task.Graph, order);
            output.WriteLine($"{name} {label}: emitted {function.EmittedCost}, Markowitz {function.MarkowitzCost}");
            Assert.Equal(MarkowitzCost.Of(task.Graph, order), function.MarkowitzCost);
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

    private static IEnumerable<(string, EliminationOrder)> Orders(PaperTask task)
    {
        yield return ("forward", StandardOrders.Forward(task.Graph));
        yield return ("reverse", StandardOrders.Reverse(task.Graph));
        yield return ("min-Markowitz", StandardOrders.MinimalMarkowitz(task.Graph));
        if (PublishedOrder(task.Name) is { } published) yield return ("AlphaGrad", published);
    }

    /// <summary>The order published with the paper (test data only).</summary>
    internal static EliminationOrder? PublishedOrder(string task)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "alphagrad-orders.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var order = root["alphagrad_notebooks"]?[task]?["order"];
        var ids = order is JsonValue text ? JsonNode.Parse(text.GetValue<string>()) : order;
        return ids is JsonArray array ? new EliminationOrder(array.Select(id => (int)id!)) : null;
    }
}
