using Elim.Graph;
using Elim.Testing;

namespace Elim.Graph.Tests;

public class OrderTests
{
    private static readonly ComputationalGraph Graph = RandomGraphs.Create(seed: 7, inputs: 3, vertices: 12);

    private static string ValidationMessage(params int[] ids) =>
        Assert.Throws<InvalidOrderException>(() => new EliminationOrder(ids).Validate(Graph)).Message;

    [Fact]
    public void NamesEveryKindOfProblem()
    {
        var eliminable = Graph.EliminableVertices.ToArray();
        int output = Graph.Outputs.Select(o => o.VertexId).First(id => !Graph.IsEliminable(id));

        Assert.Contains($"missing id(s) {eliminable[^1]}", ValidationMessage(eliminable[..^1]));
        Assert.Contains($"duplicate id(s) {eliminable[0]}", ValidationMessage([.. eliminable, eliminable[0]]));
        Assert.Contains("unknown vertex id(s) 0, 99 (the graph has vertices 1..12)", ValidationMessage([.. eliminable, 0, 99]));
        Assert.Contains($"output vertex id(s) {output}", ValidationMessage([.. eliminable, output]));
        Assert.StartsWith($"The order is not a complete elimination order of '{Graph.Name}'", ValidationMessage());
    }

    [Fact]
    public void OrderFileRoundTrips()
    {
        var order = StandardOrders.MinimalMarkowitz(Graph);
        var file = OrderFile.For(Graph, order, "markowitz");
        var parsed = OrderFile.Parse(file.ToJson());

        Assert.Equal(order.VertexIds, parsed.Order.VertexIds);
        Assert.Equal(MarkowitzCost.Of(Graph, order), parsed.Cost);
        Assert.Equal(GraphHash.Structural(Graph), parsed.GraphHash);
        Assert.Equal("markowitz", parsed.Method);
        parsed.CheckFits(Graph);
    }

    [Fact]
    public void BareArrayIsAnOrderFile() =>
        Assert.Equal([3, 1, 2], OrderFile.Parse("[3, 1, 2]").Order.VertexIds);

    [Theory]
    [InlineData("{", "The order file is not valid JSON")]
    [InlineData("42", "An order file is a JSON array of vertex ids or an object with an \"order\" array.")]
    [InlineData("{\"cost\": 3}", "The order file has no \"order\" array of vertex ids.")]
    [InlineData("[1, \"two\"]", "Entry 1 of the order is not an integer vertex id: \"two\".")]
    [InlineData("[1, 2.5]", "Entry 1 of the order is not an integer vertex id: 2.5.")]
    public void BadFilesGiveClearMessages(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<InvalidOrderException>(() => OrderFile.Parse(text)).Message);

    [Fact]
    public void AnOrderForAnotherGraphIsRefused()
    {
        var other = RandomGraphs.Create(seed: 8, inputs: 3, vertices: 12);
        var file = OrderFile.For(other, StandardOrders.Forward(other), "forward");
        var message = Assert.Throws<InvalidOrderException>(() => file.CheckFits(Graph)).Message;
        Assert.StartsWith("The order was made for another graph (random8, hash ", message);
    }
}
