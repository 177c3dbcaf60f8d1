using Elim.Graph;
using Elim.Testing;

namespace Elim.Graph.Tests;

public sealed class OrderStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "elim-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void KeepsOnlyTheCheapestOrder()
    {
        var store = new OrderStore(_directory);
        var graph = RandomGraphs.Create(seed: 3, inputs: 4, vertices: 40);
        var forward = StandardOrders.Forward(graph);
        var reverse = StandardOrders.Reverse(graph);
        var (better, worse) = MarkowitzCost.Of(graph, forward) <= MarkowitzCost.Of(graph, reverse) ? (forward, reverse) : (reverse, forward);

        Assert.Null(store.TryGetBest(graph));
        Assert.True(store.Offer(graph, worse, "worse"));
        Assert.True(store.Offer(graph, better, "better"));
        Assert.False(store.Offer(graph, worse, "worse again"));
        var stored = store.TryGetBest(graph)!;
        Assert.Equal(better.VertexIds, stored.Order.VertexIds);
        Assert.Equal("better", stored.Method);
    }

    [Fact]
    public void IgnoresACorruptEntryAndReplacesIt()
    {
        var store = new OrderStore(_directory);
        var graph = RandomGraphs.Create(seed: 4, inputs: 2, vertices: 15);
        Directory.CreateDirectory(_directory);
        File.WriteAllText(store.PathFor(graph), "{ not json");

        Assert.Null(store.TryGetBest(graph));
        Assert.True(store.Offer(graph, StandardOrders.Forward(graph), "forward"));
        Assert.NotNull(store.TryGetBest(graph));
    }
}
