using CsCheck;
using Elim.Backend.Cache;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>Same shape → same code; concurrent compiles build once; bounded; clearable; stable keys.</summary>
public class CacheTests
{
    [Fact]
    public void TheSameShapeAndOrderGiveTheSameCodeInstance()
    {
        var cache = new CodeCache();
        var first = RandomGraphs.Create(seed: 21, inputs: 3, vertices: 25);
        var rebuilt = RandomGraphs.Create(seed: 21, inputs: 3, vertices: 25); // equal shape, other objects
        var order = StandardOrders.Reverse(first);
        var a = JacobianCompiler.Compile(first, order, cache);
        var b = JacobianCompiler.Compile(rebuilt, StandardOrders.Reverse(rebuilt), cache);
        Assert.Same(a.Code, b.Code);
        Assert.NotSame(a.Code, JacobianCompiler.Compile(first, StandardOrders.Forward(first), cache).Code);
        Assert.Same(a.Primal.Code, b.Primal.Code);
        Assert.Equal(3, cache.Builds); // reverse, forward, primal
    }

    [Fact]
    public void ManyThreadsCompilingOneShapeBuildItOnce()
    {
        var cache = new CodeCache();
        var graph = TaskGraphs.Of("RoeFlux_1d");
        using var start = new Barrier(16);
        var results = new JacobianFunction[16];
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = JacobianCompiler.Compile(graph, StandardOrders.Reverse(graph), cache);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(1, cache.Builds);
        Assert.All(results, r => Assert.Same(results[0].Code, r.Code));
    }

    [Fact]
    public void TheCacheIsBoundedAndClearable()
    {
        var cache = new CodeCache(capacity: 3);
        var graphs = Enumerable.Range(0, 5).Select(s => RandomGraphs.Create(s, 2, 6)).ToList();
        var firstCode = JacobianCompiler.Compile(graphs[0], StandardOrders.Forward(graphs[0]), cache).Code;
        foreach (var graph in graphs.Skip(1)) JacobianCompiler.Compile(graph, StandardOrders.Forward(graph), cache);
        Assert.Equal(3, cache.Count);
        // The least recently used entry (the first) was dropped, so compiling it again builds new code.
        Assert.NotSame(firstCode, JacobianCompiler.Compile(graphs[0], StandardOrders.Forward(graphs[0]), cache).Code);
        cache.Clear();
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void CacheKeysAreStableAndSeparateShapes()
    {
        Gen.Int[0, 10_000].Sample(seed =>
        {
            var graph = RandomGraphs.Create(seed, 1 + seed % 4, 3 + seed % 30);
            var again = RandomGraphs.Create(seed, 1 + seed % 4, 3 + seed % 30);
            var order = RandomGraphs.RandomOrder(graph, seed);
            Assert.Equal(CacheKey.ForJacobian(graph, order), CacheKey.ForJacobian(again, RandomGraphs.RandomOrder(again, seed)));
            Assert.NotEqual(CacheKey.ForJacobian(graph, order), CacheKey.ForPrimal(graph));
            var other = RandomGraphs.Create(seed + 1, 1 + seed % 4, 3 + seed % 30);
            Assert.NotEqual(GraphHash.Content(graph), GraphHash.Content(other));
        }, iter: 200);
    }

    [Fact]
    public void TheContentHashOfAFixedGraphNeverChanges()
    {
        // Pinned: a change here invalidates every cache and order store entry in the field.
        Assert.Equal("e1d48b3d0d41b6bd", GraphHash.Content(TaskGraphs.Of("RoeFlux_1d")));
    }
}
