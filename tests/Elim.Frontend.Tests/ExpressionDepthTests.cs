namespace Elim.Frontend.Tests;

/// <summary>
/// Parsing, lowering and printing recurse over expressions: long chains of operations up to the limit work, and a
/// longer one is a located diagnostic before anything recurses, never a stack overflow that ends the process.
/// </summary>
public class ExpressionDepthTests
{
    [Theory]
    [InlineData(" + ")]
    [InlineData("^")]
    public void A_chain_of_a_hundred_thousand_operations_lowers(string op)
    {
        var graph = ElimFrontend.Compile("function f(x) -> (y) { y = " + string.Join(op, Enumerable.Repeat("x", 100_000)) + "; }", "t.elim");
        Assert.Equal(99_999, graph.VertexCount);
    }

    [Fact]
    public void Deep_negations_lower()
    {
        Assert.Equal(50_000, ElimFrontend.Compile("function f(x) -> (y) { y = " + new string('-', 50_000) + "x; }", "t.elim").VertexCount);
    }

    [Theory]
    [InlineData(" + ", 400_007)]
    [InlineData("^", 200_008)]
    [InlineData("-", 100_008)]
    public void A_statement_with_a_million_operators_is_refused_where_it_passes_the_limit(string op, int column)
    {
        // "    y = x + x ...": the '=' is the first operator, so the 100,000th op passes the limit.
        string expression = op == "-" ? new string('-', 1_000_000) + "x" : string.Join(op, Enumerable.Repeat("x", 1_000_000));
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile("function f(x) -> (y) {\n    y = " + expression + ";\n}", "t.elim"));

        Assert.Equal($"t.elim:2:{column}: error: the statement has more than 100,000 operators", error.Message.Split('\n')[0]);
        Assert.Contains("split the expression into several statements", error.Message);
    }

    [Fact]
    public void Operators_in_comments_do_not_count()
    {
        string comment = "// " + new string('-', 200_000) + " ((((\n";
        Assert.Equal(1, ElimFrontend.Compile(comment + "function f(x) -> (y) { y = -x; } # " + new string('(', 2000), "t.elim").VertexCount);
    }
}
