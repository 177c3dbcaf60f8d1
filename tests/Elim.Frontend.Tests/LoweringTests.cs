using Elim.Graph;

namespace Elim.Frontend.Tests;

/// <summary>The numbering rules of DESIGN.md, one construct at a time, checked on the printed operation list.</summary>
public class LoweringTests
{
    private static string Ops(string program, string? function = null) =>
        string.Join(" ", GraphPrinter.Lines(ElimFrontend.Compile(program, "t.elim", function)));

    [Theory]
    [InlineData("y = -x^2;", "1:x^2 2:neg(v1)*")]
    [InlineData("y = x^2^3;", "1:x^8*")]
    [InlineData("y = z^x^2;", "1:x^2 2:pow(z,v1)*")]
    [InlineData("y = x - z - x;", "1:sub(x,z) 2:sub(v1,x)*")]
    [InlineData("y = x / z / x;", "1:div(x,z) 2:div(v1,x)*")]
    [InlineData("y = x + z * x;", "1:mul(z,x) 2:add(x,v1)*")]
    [InlineData("y = (x + z) * x;", "1:add(x,z) 2:mul(v1,x)*")]
    [InlineData("y = -x * z;", "1:neg(x) 2:mul(v1,z)*")]
    [InlineData("y = x^-1;", "1:x^-1*")]
    [InlineData("y = 2 - -x;", "1:neg(x) 2:sub(2,v1)*")]
    public void Precedence_and_associativity(string body, string expected) =>
        Assert.Equal(expected, Ops($"function f(x, z) -> (y) {{ {body} }}"));

    [Theory]
    [InlineData("y = x * (2 * 3 + 1);", "1:mul(x,7)*")]
    [InlineData("y = x * -(2 - 5);", "1:mul(x,3)*")]
    [InlineData("y = x + sqrt(4) * exp(0);", "1:add(x,2)*")]
    [InlineData("y = x * c;", "1:mul(x,1.5)*")]
    [InlineData("y = x^n;", "1:x^3*")]
    [InlineData("y = x^(n - 1);", "1:x^2*")]
    [InlineData("y = x^2.0;", "1:pow(x,2)*")]
    [InlineData("y = x^c;", "1:pow(x,1.5)*")]
    [InlineData("y = x^(n / 1);", "1:pow(x,3)*")]
    [InlineData("y = pow(x, 2);", "1:x^2*")]
    [InlineData("y = pow(2, x);", "1:pow(2,x)*")]
    [InlineData("y = square(x);", "1:square(x)*")]
    [InlineData("y = 2 * x;", "1:mul(2,x)*")]
    [InlineData("y = .5 * x + 1e-3;", "1:mul(0.5,x) 2:add(v1,0.001)*")]
    public void Constants_fold_and_integer_exponents_are_integer_pow(string body, string expected) =>
        Assert.Equal(expected, Ops($"const n = 3;\nconst c = 3 / 2;\nfunction f(x) -> (y) {{ {body} }}"));

    [Fact]
    public void Loop_variables_are_integer_exponents_and_indices()
    {
        const string program = "function f(x) -> (w[3]) { for i in 0..3 { w[2 - i] = x^(i + 1) * pow(x, 0.5 * i); } }";
        Assert.Equal("1:x^1 2:pow(x,0) 3:mul(v1,v2)* 4:x^2 5:pow(x,0.5) 6:mul(v4,v5)* 7:x^3 8:pow(x,1) 9:mul(v7,v8)*", Ops(program));
        var graph = ElimFrontend.Compile(program, "t.elim");
        Assert.Equal([9, 6, 3], graph.Outputs.Select(o => o.VertexId));
    }

    [Fact]
    public void No_common_subexpression_elimination() =>
        Assert.Equal("1:sqrt(x) 2:sqrt(x) 3:add(v1,v2)*", Ops("function f(x) -> (y) { y = sqrt(x) + sqrt(x); }"));

    [Fact]
    public void Every_elementary_function_lowers_to_its_operation()
    {
        foreach (var rule in OpRules.All.Where(r => OpRules.FindFunction(r.Name) is not null))
        {
            string call = rule.Arity == 1 ? $"{rule.Name}(x)" : $"{rule.Name}(x, z)";
            string expected = rule.Arity == 1 ? $"1:{rule.Name}(x)*" : $"1:{rule.Name}(x,z)*";
            Assert.Equal(expected, Ops($"function f(x, z) -> (y) {{ y = {call}; }}"));
        }
    }

    [Theory]
    [InlineData("y", "y = x;", "1:copy(x)*")]
    [InlineData("y", "y = 2;", "1:copy(2)*")]
    [InlineData("y", "t = sin(x); y = t;", "1:sin(x) 2:copy(v1)*")]
    [InlineData("y, w", "y = sin(x); w = y;", "1:sin(x)* 2:copy(v1)*")]
    [InlineData("y, w", "y = sin(x); w = y * 2;", "1:sin(x)* 2:mul(v1,2)*")]
    [InlineData("y, w", "(y, w) = pair(x);", "1:sin(x)* 2:copy(x)*")]
    [InlineData("y, w", "(y, w) = twice(x);", "1:cos(x)* 2:copy(v1)*")]
    public void Outputs_that_only_copy_get_a_copy_vertex(string outputs, string body, string expected) =>
        Assert.Equal(expected, Ops(
            "function pair(a) -> (p, q) { p = a; q = sin(a); }\n" +
            "function twice(a) -> (p, q) { p = cos(a); q = p; }\n" +
            $"function f(x) -> ({outputs}) {{ {body} }}", "f"));

    [Fact]
    public void Outputs_are_listed_in_declaration_order_whatever_the_assignment_order()
    {
        var graph = ElimFrontend.Compile("function f(x) -> (a, b) { b = sin(x); a = cos(x); }", "t.elim");
        Assert.Equal(["a", "b"], graph.Outputs.Select(o => o.Name));
        Assert.Equal([2, 1], graph.Outputs.Select(o => o.VertexId));
    }

    [Fact]
    public void Helpers_are_inlined_at_every_call_and_input_aliases_make_no_vertex()
    {
        const string program = """
            function h(a, b) -> (s, t) { s = a; t = a * b; }
            function g(a) -> (r) { r = exp(a); }
            function f(x, z) -> (y) {
                (p, q) = h(x, g(z));
                y = p + q + g(z);
            }
            """;
        Assert.Equal("1:exp(z) 2:mul(x,v1) 3:add(x,v2) 4:exp(z) 5:add(v3,v4)*", Ops(program));
    }

    [Fact]
    public void Arrays_are_scalarized_and_loops_unrolled()
    {
        const string program = """
            const n = 3;
            function f(v[3], s) -> (w[3], total) {
                for i in 0..n { w[i] = v[i] * s; }
                for i in 0..n - 1 { acc[i + 1] = v[i] + v[i + 1]; }
                total = acc[1] * acc[2];
            }
            """;
        var graph = ElimFrontend.Compile(program, "t.elim");
        Assert.Equal(["v[0]", "v[1]", "v[2]", "s"], graph.InputNames);
        Assert.Equal(["w[0]", "w[1]", "w[2]", "total"], graph.Outputs.Select(o => o.Name));
        Assert.Equal("1:mul(v[0],s)* 2:mul(v[1],s)* 3:mul(v[2],s)* 4:add(v[0],v[1]) 5:add(v[1],v[2]) 6:mul(v4,v5)*",
            string.Join(" ", GraphPrinter.Lines(graph)));
    }

    [Fact]
    public void Loop_locals_live_for_one_iteration_and_nested_loops_unroll_in_order()
    {
        const string program = """
            function f(v[2]) -> (m[4]) {
                for i in 0..2 { for j in 0..2 { t = v[i] * v[j]; m[2 * i + j] = t + 1; } }
            }
            """;
        Assert.Equal("1:mul(v[0],v[0]) 2:add(v1,1)* 3:mul(v[0],v[1]) 4:add(v3,1)* 5:mul(v[1],v[0]) 6:add(v5,1)* 7:mul(v[1],v[1]) 8:add(v7,1)*",
            Ops(program));
    }

    [Fact]
    public void Whole_arrays_pass_to_helpers_and_come_back_from_them()
    {
        const string program = """
            function scale(a[2], k) -> (b[2]) { for i in 0..2 { b[i] = a[i] * k; } }
            function f(v[2], k) -> (w[2]) { u = scale(v, k); w = scale(u, k); }
            """;
        Assert.Equal("1:mul(v[0],k) 2:mul(v[1],k) 3:mul(v1,k)* 4:mul(v2,k)*", Ops(program));
    }

    [Fact]
    public void The_design_demo_lowers_in_evaluation_order()
    {
        const string program = """
            // comments start with // or #
            const gamma = 0.5;                       // compile-time constant; constant arithmetic is folded

            function pressure(u0, u1, u2) -> (p) {   // helper: inlined at every call, nothing shared
                p = (gamma - 1) * (u2 - 0.5 * u1^2 / u0);
            }

            function flux(u0, u1, u2, p) -> (a, b, c) {
                a = u1;
                b = p + u1 * (u1 / u0);
                c = (u1 / u0) * (p + u2);
            }

            function demo(x, y, v[3]) -> (s, t, w[3]) {
                q = pressure(x, y, 2.0);             // single-output call inside an expression
                (f0, f1, f2) = flux(x, y, q, 1.5);   // multi-output call: destructuring assignment
                s = sin(f1) * q;
                t = atan2(f2, f0) + v[0] * v[2];
                for i in 0..3 { w[i] = v[i] * s; }   // compile-time loop, unrolled; indices are constants
            }
            """;
        Assert.Equal(
            "1:y^2 2:mul(0.5,v1) 3:div(v2,x) 4:sub(2,v3) 5:mul(-0.5,v4) " +
            "6:div(y,x) 7:mul(y,v6) 8:add(1.5,v7) 9:div(y,x) 10:add(1.5,v5) 11:mul(v9,v10) " +
            "12:sin(v8) 13:mul(v12,v5)* 14:atan2(v11,y) 15:mul(v[0],v[2]) 16:add(v14,v15)* " +
            "17:mul(v[0],v13)* 18:mul(v[1],v13)* 19:mul(v[2],v13)*",
            Ops(program));
    }

    [Fact]
    public void The_default_function_is_the_one_no_other_calls_and_a_name_overrides_it()
    {
        const string program = "function h(a) -> (b) { b = sin(a); }\nfunction f(x) -> (y) { y = h(x) * 2; }";
        Assert.Equal("f", ElimFrontend.Compile(program, "t.elim").Name);
        Assert.Equal("h", ElimFrontend.Compile(program, "t.elim", "h").Name);
        Assert.Equal(["h", "f"], ElimFrontend.FunctionNames(ElimFrontend.Parse(program, "t.elim")));
    }

    [Fact]
    public void Vertices_carry_the_span_of_their_operation()
    {
        var graph = ElimFrontend.Compile("function f(x) -> (y) {\n  y = 2 * sin(x);\n}", "t.elim");
        Assert.Equal(new SourceSpan("t.elim", 2, 11, 6), graph.Vertex(1).Span);
        Assert.Equal(new SourceSpan("t.elim", 2, 7, 10), graph.Vertex(2).Span);
    }
}
