using Elim.Graph;

namespace Elim.Frontend.Tests;

/// <summary>Branches (select, if/else) and data inputs: values, partials and the graph's shape.</summary>
public class BranchAndDataTests
{
    private static ComputationalGraph Lower(string program) => ElimFrontend.Compile(program, "t.elim");

    [Fact]
    public void A_conditional_computes_both_arms_and_passes_on_the_partials_of_the_chosen_one()
    {
        var graph = Lower("function f(x, y) -> (z) { z = x < y ? x * y : exp(x); }");
        Assert.Equal("1:less(x,y) 2:mul(x,y) 3:exp(x) 4:select(v1,v2,v3)*", string.Join(" ", GraphPrinter.Lines(graph)));
        Assert.Equal([2, 3], graph.EliminableVertices);
        Assert.Equal(new double[,] { { 3, 2 } }, Interpreter.ForwardJacobian(graph, [2, 3]));
        Assert.Equal(new double[,] { { Math.Exp(4), 0 } }, Interpreter.ForwardJacobian(graph, [4, 3]));
    }

    [Fact]
    public void If_else_chains_merge_every_name_assigned_in_all_branches()
    {
        const string program = """
            function f(x) -> (y, w[2]) {
                if (x > 1) { t = x * x; w[0] = 1; w[1] = x; }
                else if (x > 0) { t = 2 * x; w[0] = x; w[1] = 2; }
                else { t = -x; w = [3, 4]; }
                y = t + 1;
            }
            """;
        var graph = Lower(program);
        Assert.Equal([4 + 1, 1, 2], Interpreter.Evaluate(graph, [2]));
        Assert.Equal([1 + 1, 0.5, 2], Interpreter.Evaluate(graph, [0.5]));
        Assert.Equal([3 + 1, 3, 4], Interpreter.Evaluate(graph, [-3]));
        Assert.Equal(new double[,] { { 4 }, { 0 }, { 1 } }, Interpreter.ReverseJacobian(graph, [2]));
        Assert.Equal(new double[,] { { -1 }, { 0 }, { 0 } }, Interpreter.ReverseJacobian(graph, [-3]));
    }

    [Fact]
    public void A_constant_condition_picks_its_branch_without_a_select()
    {
        var graph = Lower("const n = 3;\nfunction f(x) -> (y) { if (n > 2) { y = sin(x); } else { y = cos(x); } }");
        Assert.DoesNotContain(graph.Vertices, v => v.Op == OpKind.Select);
        Assert.Equal([Math.Sin(0.4)], Interpreter.Evaluate(graph, [0.4]));
    }

    [Fact]
    public void Data_inputs_change_values_but_add_no_column()
    {
        var graph = Lower("function f(x[2], data feat[2], s) -> (e[2]) { e = s * x - feat; }");
        Assert.Equal(["x[0]", "x[1]", "s"], graph.InputNames);
        Assert.Equal(["feat[0]", "feat[1]"], graph.DataNames);
        Assert.Equal([2 * 1 - 10, 2 * 3 - 20], Interpreter.Evaluate(graph, [1, 3, 2], [10, 20]));
        Assert.Equal(new double[,] { { 2, 0, 1 }, { 0, 2, 3 } }, Interpreter.ForwardJacobian(graph, [1, 3, 2], [10, 20]));
        Assert.Equal(new double[,] { { 2, 0, 1 }, { 0, 2, 3 } }, Interpreter.ForwardJacobian(graph, [1, 3, 2], [-7, 0.5]));
    }

    [Fact]
    public void A_branch_on_data_is_passive()
    {
        var graph = Lower("function f(x, data d) -> (y) { y = d > 0 ? x * d : x; }");
        Assert.Equal(new double[,] { { 3 } }, Interpreter.ForwardJacobian(graph, [2], [3]));
        Assert.Equal(new double[,] { { 1 } }, Interpreter.ForwardJacobian(graph, [2], [-3]));
        Assert.False(graph.IsActive(graph.NodeOf(1))); // the comparison
    }
}
