using Elim.Backend.Cache;
using Elim.Frontend;

namespace Elim.Backend.Tests.Api;

/// <summary><see cref="CompileOptions.MaxVertices"/>: the compile API stops a program that expands past the limit, as the CLI does.</summary>
public sealed class MaxVerticesTests
{
    // h0 makes 2 vertices; every level doubles the one below and adds 2, so main with h6 makes 254.
    private static readonly string DoublingChain = string.Join("\n",
        ["function h0(x) -> (y) { y = sin(x) * 1.01; }",
         .. Enumerable.Range(1, 6).Select(k => $"function h{k}(x) -> (y) {{ y = h{k - 1}(x) + h{k - 1}(x * 0.5); }}"),
         "function main(x) -> (y) { y = h6(x); }"]);

    [Fact]
    public void The_compile_api_stops_at_its_limit_naming_the_helper_chain()
    {
        var options = new CompileOptions { MaxVertices = 100, Order = OrderSource.Reverse, Cache = new CodeCache() };
        var error = Assert.Throws<DiagnosticException>(() => Jacobians.Compile(DoublingChain, options, "t.elim"));

        Assert.StartsWith("t.elim:3:25: error: the graph has more than 100 vertices, inlining ", error.Message);
        Assert.Contains("nested helper calls: main -> h6 (line 8) -> h5 (line 7) -> ", error.Message);
        Assert.Equal(254, Jacobians.Compile(DoublingChain, options with { MaxVertices = 254 }, "t.elim").Graph.VertexCount);
        Assert.Equal(FrontendOptions.DefaultMaxVertices, new CompileOptions().MaxVertices);
    }
}
