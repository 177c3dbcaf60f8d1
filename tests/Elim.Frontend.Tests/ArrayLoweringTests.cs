using Elim.Graph;

namespace Elim.Frontend.Tests;

/// <summary>Arrays as values, 2-D arrays, slices, literals and reductions: their graphs and values.</summary>
public class ArrayLoweringTests
{
    private static ComputationalGraph Lower(string program) => ElimFrontend.Compile(program, "t.elim");

    private static double[] Values(string program, double[] inputs, double[]? data = null) =>
        Interpreter.Evaluate(Lower(program), inputs, data ?? []);

    [Fact]
    public void Two_dimensional_parameters_and_outputs_are_scalarized_row_major()
    {
        var graph = Lower("function f(W[2,3]) -> (T[3,2]) { T = transpose(W); }");
        Assert.Equal(["W[0,0]", "W[0,1]", "W[0,2]", "W[1,0]", "W[1,1]", "W[1,2]"], graph.InputNames);
        Assert.Equal(["T[0,0]", "T[0,1]", "T[1,0]", "T[1,1]", "T[2,0]", "T[2,1]"], graph.Outputs.Select(o => o.Name));
        Assert.Equal([1, 4, 2, 5, 3, 6], Interpreter.Evaluate(graph, [1, 2, 3, 4, 5, 6]));
    }

    [Fact]
    public void Matrix_products_of_every_kind()
    {
        const string program = """
            function f(A[2,3], x[3], y[2]) -> (Ax[2], yA[3], AAt[2,2], d) {
                Ax = A @ x;
                yA = y @ A;
                AAt = A @ transpose(A);
                d = x @ x;
            }
            """;
        double[] a = [1, 2, 3, 4, 5, 6], x = [0.5, -1, 2], y = [3, -2];
        var values = Values(program, [.. a, .. x, .. y]);
        Assert.Equal([1 * 0.5 - 2 + 6, 4 * 0.5 - 5 + 12, 3 - 8, 6 - 10, 9 - 12, 14, 32, 32, 77, 0.25 + 1 + 4], values);
    }

    [Fact]
    public void Elementwise_operations_broadcast_scalars_and_keep_integer_powers()
    {
        Assert.Equal("1:x^2 2:y^2 3:mul(2,v1) 4:mul(2,v2) 5:sin(v3) 6:sin(v4) 7:add(v5,1)* 8:add(v6,1)*",
            string.Join(" ", GraphPrinter.Lines(Lower("function f(v[2]) -> (w[2]) { w = sin(2 * v^2) + 1; }")))
                .Replace("v[0]", "x").Replace("v[1]", "y"));
        Assert.Equal([2 - 10, 3 - 20], Values("function f(a[2], b[2]) -> (d[2]) { d = a - b * 10; }", [2, 3, 1, 2]));
        Assert.Equal([Math.Atan2(1, 2), Math.Atan2(3, 2)], Values("function f(a[2], s) -> (d[2]) { d = atan2(a, s); }", [1, 3, 2]));
    }

    [Fact]
    public void Reductions_slices_and_literals()
    {
        const string program = """
            function f(A[2,3], v[4]) -> (s, rows[2], cols[3], mx, mn, n, dv, c[3], mid[2], r[3], col[2], blk[2,2], lit[2,2]) {
                s = sum(A);
                rows = sum(A, 1);
                cols = sum(A, 0);
                mx = max(v);
                mn = min(v);
                n = norm(v[0:2]);
                dv = dot(v[1:3], v[2:]);
                c = cross(A[0, :], A[1, :]);
                mid = v[1:3];
                r = A[1];
                col = A[:, 2];
                blk = A[:, 1:3];
                lit = [[v[0], 1], [2, v[3]]];
            }
            """;
        double[] a = [1, 2, 3, 4, 5, 6], v = [3, -4, 7, 0.5];
        var values = Values(program, [.. a, .. v]);
        double[] expected =
        [
            21, 6, 15, 5, 7, 9, 7, -4, 5, -4 * 7 + 7 * 0.5, 2 * 6 - 3 * 5, 3 * 4 - 1 * 6, 1 * 5 - 2 * 4, -4, 7, 4, 5, 6, 3, 6,
            2, 3, 5, 6, 3, 1, 2, 0.5,
        ];
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Helpers_take_and_return_arrays_and_locals_take_their_shape()
    {
        const string program = """
            function rotz(a) -> (R[3,3]) {
                R = [[cos(a), -sin(a), 0], [sin(a), cos(a), 0], [0, 0, 1]];
            }
            function f(a, p[3]) -> (q[3]) {
                M = rotz(a) @ rotz(a);
                q = M @ p;
            }
            """;
        var values = Values(program, [0.3, 1, 2, 3]);
        Assert.Equal(Math.Cos(0.6) * 1 - Math.Sin(0.6) * 2, values[0], 12);
        Assert.Equal(Math.Sin(0.6) * 1 + Math.Cos(0.6) * 2, values[1], 12);
        Assert.Equal(3, values[2], 12);
    }

    [Fact]
    public void Growable_matrices_are_assigned_element_by_element()
    {
        const string program = "function f(x) -> (y[2]) { for i in 0..2 { for j in 0..2 { M[i, j] = x * (i + 2 * j); } } y = M @ [1, 1]; }";
        Assert.Equal([2 * 2, 2 * 4], Values(program, [2]));
    }

    [Fact]
    public void Printed_programs_with_the_new_constructs_lower_to_the_same_graph()
    {
        const string program = """
            const k = 2;
            function e(q[2], data w) -> (u) { u = w * dot(q, q); }
            function f(A[2,2], x[2], data d[2]) -> (y[2], z, g[2]) {
                y = A @ x + d;
                if (x[0] > 0 && !(x[1] <= d[0])) { t = x[0]; } else if (x[1] != 0) { t = -x[1]; } else { t = 1; }
                z = x[0] < x[1] || t >= k ? sum(A[:, 1]) : max(A[0, 0:2]) - t;
                g = grad(e)(x, d[1]);
            }
            """;
        var parsed = ElimFrontend.Parse(program, "t.elim");
        string printed = ProgramPrinter.Print(parsed);
        var reparsed = ElimFrontend.Parse(printed, "t.elim");
        Assert.Equal(printed, ProgramPrinter.Print(reparsed));
        Assert.Equal(GraphPrinter.Print(ElimFrontend.Lower(parsed)), GraphPrinter.Print(ElimFrontend.Lower(reparsed)));
    }
}
