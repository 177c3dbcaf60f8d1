using Elim.Testing;

namespace Elim.Frontend.Tests;

/// <summary>
/// Programs that expand past the vertex limit stop as soon as the graph passes it, with a located message that names
/// what expands (the helper chain from the differentiated function, or the loop) and how to go on.
/// </summary>
public class VertexLimitTests
{
    private static DiagnosticException Fails(string text, int maxVertices) =>
        Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile(text, "t.elim", options: new FrontendOptions { MaxVertices = maxVertices }));

    [Fact]
    public void A_helper_chain_that_doubles_stops_naming_the_calls_from_the_differentiated_function()
    {
        // 26 levels would make about 2^28 vertices; the limit stops it at 1,000,000.
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile(DoublingHelperChain.Generate(26), "t.elim"));

        Assert.Equal("t.elim:1:25: error: the graph has more than 1,000,000 vertices, inlining 27 nested helper calls: main -> h26 (line 28) -> h25 (line 27) -> ... -> h1 (line 3) -> h0 (line 2)",
            error.Message.Split('\n')[0]);
        Assert.Contains("every call inlines the helper anew", error.Message);
        Assert.Contains("raise the limit (elim --max-vertices N; CompileOptions.MaxVertices in the API)", error.Message);
    }

    [Fact]
    public void The_limit_is_the_users_and_stops_the_lowering_at_it()
    {
        // Each h0 makes 2 vertices; the error comes from the first vertex past the limit, not after the whole chain.
        var error = Fails(DoublingHelperChain.Generate(12), maxVertices: 100);

        Assert.StartsWith("t.elim:", error.Message);
        Assert.Contains("error: the graph has more than 100 vertices, inlining", error.Message);
        Assert.Contains(": main -> h12 (line 14) -> h11 (line 13) -> ", error.Message);
        // Exactly at the limit is allowed.
        int size = DoublingHelperChain.Vertices(5);
        Assert.Equal(size, ElimFrontend.Compile(DoublingHelperChain.Generate(5), "t.elim", options: new FrontendOptions { MaxVertices = size }).VertexCount);
        Fails(DoublingHelperChain.Generate(5), maxVertices: size - 1);
    }

    [Fact]
    public void A_big_loop_names_the_loop_and_how_far_it_came()
    {
        string text = "function f(x) -> (y) {\n    s[0] = x;\n    for i in 1..500000 { s[i] = sin(s[i - 1]) * 2; }\n    y = s[499999];\n}";
        var error = Fails(text, maxVertices: 1000);

        // Two vertices per iteration: the 1,001st vertex is made in iteration 501.
        Assert.Equal("t.elim:3:26: error: the graph has more than 1,000 vertices, in iteration 501 of 499,999 of the loop over 'i' at line 3",
            error.Message.Split('\n')[0]);
        Assert.Contains("make the loop shorter", error.Message);
    }

    [Fact]
    public void Nested_loops_name_the_outermost_loop()
    {
        string text = "function f(x) -> (y) {\n    for i in 0..1000 {\n        for j in 0..1000 { t[i, j] = x * (i + j); }\n    }\n    y = t[999, 999];\n}";
        var error = Fails(text, maxVertices: 2500);

        Assert.Equal("t.elim:3:28: error: the graph has more than 2,500 vertices, in iteration 3 of 1,000 of the loop over 'i' at line 2",
            error.Message.Split('\n')[0]);
    }

    [Fact]
    public void One_statement_on_big_arrays_is_named_itself()
    {
        string text = "function f(A[100,100], B[100,100]) -> (y) {\n    C = A @ B;\n    y = C[0, 0];\n}";
        var error = Fails(text, maxVertices: 30_000);

        Assert.Equal("t.elim:2:5: error: the graph has more than 30,000 vertices at this statement", error.Message.Split('\n')[0]);
        Assert.Contains("make them smaller", error.Message);
    }

    [Theory]
    [InlineData("A[300,300]", 1_000, "90,000")]
    [InlineData("A[46465,46465]", FrontendOptions.DefaultMaxVertices, "2,158,996,225")] // past int.MaxValue
    public void An_array_declared_past_the_limit_is_named_in_the_signature(string declaration, int maxVertices, string elements)
    {
        string text = $"function f(x, {declaration}) -> (y) {{\n    y = x * A[0, 0];\n}}";
        var error = Fails(text, maxVertices);

        Assert.Equal($"t.elim:1:15: error: array 'A' has {elements} elements, more than the graph may have vertices ({maxVertices:N0})",
            error.Message.Split('\n')[0]);
        Assert.Contains("raise the limit (elim --max-vertices N; CompileOptions.MaxVertices in the API)", error.Message);
    }

    [Fact]
    public void A_longer_loop_is_allowed_with_a_higher_limit()
    {
        string text = "function f(x) -> (y) { for i in 0..1200000 { t[i] = 2; } y = x * t[5]; }";
        Assert.Contains("has more than 1,000,000 iterations", Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile(text, "t.elim")).Message);
        Assert.Equal(1, ElimFrontend.Compile(text, "t.elim", options: new FrontendOptions { MaxVertices = 2_000_000 }).VertexCount);
    }
}
