using Elim.Backend.Cache;
using Elim.Frontend;
using Elim.Testing;

namespace Elim.Backend.Tests.Api;

/// <summary><see cref="CompileOptions.MaxVertices"/>: the compile API stops a program that expands past the limit, as the CLI does.</summary>
public sealed class MaxVerticesTests
{
    private static readonly string DoublingChain = DoublingHelperChain.Generate(6);

    [Fact]
    public void The_compile_api_stops_at_its_limit_naming_the_helper_chain()
    {
        var options = new CompileOptions { MaxVertices = 100, Order = OrderSource.Reverse, Cache = new CodeCache() };
        var error = Assert.Throws<DiagnosticException>(() => Jacobians.Compile(DoublingChain, options, "t.elim"));

        Assert.StartsWith("t.elim:3:25: error: the graph has more than 100 vertices, inlining ", error.Message);
        Assert.Contains("nested helper calls: main -> h6 (line 8) -> h5 (line 7) -> ", error.Message);
        Assert.Equal(DoublingHelperChain.Vertices(6), Jacobians.Compile(DoublingChain, options with { MaxVertices = 254 }, "t.elim").Graph.VertexCount);
        Assert.Equal(FrontendOptions.DefaultMaxVertices, new CompileOptions().MaxVertices);
    }
}
