namespace Elim.Frontend.Tests;

/// <summary>Malformed programs: each gives a <see cref="DiagnosticException"/> whose first line names the exact place and problem.</summary>
public class DiagnosticTableTests
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        { "function f(x) -> (y) { y = x * 2 }", null, "t.elim:1:33: error: missing ';' before '}'" },
        { "function f(x) -> (y) {\\n    y = x * 2\\n    z = 1;\\n}", null, "t.elim:2:14: error: missing ';' before 'z'" },
        { "function f(x) -> (y) { y = (x + 1; }", null, "t.elim:1:34: error: unexpected ';', expected ')'" },
        { "function f(x) -> (y) { y = x + 1); }", null, "t.elim:1:33: error: unexpected ')', expected ';'" },
        { "function f(x) -> (y) { y = x $ 2; }", null, "t.elim:1:30: error: unexpected '$', expected ';'" },
        { "function f(x) (y) { y = x; }", null, "t.elim:1:15: error: unexpected '(', expected '->'" },
        { "function f(x) -> (y) { y = x +; }", null, "t.elim:1:31: error: unexpected ';', expected expression" },
        { "function f(x) -> (y) { y = x;", null, "t.elim:1:30: error: unexpected end of file, expected statement or '}'" },
        { "// only a comment", null, "t.elim:1:1: error: the file is empty" },
        { "function f(x) -> (y) { y = x\u0000; }", null, "t.elim:1:29: error: unexpected control character U+0000, expected ';'" },
        { "function f(x) -> (y) { y = sin(x, x); }", null, "t.elim:1:28: error: 'sin' takes 1 argument, but 2 are given" },
        { "function f(x) -> (y) { y = atan2(x); }", null, "t.elim:1:28: error: 'atan2' takes 2 arguments, but 1 is given" },
        { "function f(x) -> (y) { y = sinn(x); }", null, "t.elim:1:28: error: unknown function 'sinn'" },
        { "function f(x) -> (y) { y = xx + 1; }", null, "t.elim:1:28: error: unknown name 'xx'" },
        { "function f(x) -> (y) { y = x; y = 2 * x; }", null, "t.elim:1:31: error: 'y' is already assigned (at line 1)" },
        { "function f(x) -> (y, z) { y = sin(x); }", null, "t.elim:1:22: error: output 'z' of 'f' is never assigned" },
        { "function f(x) -> (w[3]) { w[0] = x; w[1] = x; }", null, "t.elim:1:19: error: output element w[2] of 'f' is never assigned" },
        { "function f(x) -> (y) { y = f(x); }", null, "t.elim:1:28: error: function 'f' calls itself" },
        { "function g(x) -> (y) { y = h(x); }\\nfunction h(x) -> (y) { y = g(x); }\\nfunction main(x) -> (y) { y = g(x); }", "main", "t.elim:2:28: error: recursive call: g -> h -> g" },
        { "function f(v[3]) -> (y) { y = v[3]; }", null, "t.elim:1:33: error: index 3 is out of bounds for 'v' of shape [3]" },
        { "function f(v[3], x) -> (y) { y = v[x]; }", null, "t.elim:1:36: error: the index is not a compile-time constant" },
        { "function f(v[3]) -> (y) { y = v[0.5]; }", null, "t.elim:1:33: error: the index must be an integer, but it is 0.5" },
        { "function f(x) -> (y) { y = x[0]; }", null, "t.elim:1:28: error: 'x' is a scalar and cannot be indexed" },
        { "function f(v[3]) -> (y) { y = v + 1; }", null, "t.elim:1:27: error: 'y' is a scalar, but the value is of shape [3]" },
        { "function f(v[3]) -> (y) { y = sin(v[0:2] + v); }", null, "t.elim:1:35: error: cannot add arrays of shapes [2] and [3]" },
        { "function h(x) -> (a, b) { a = x; b = x; }\\nfunction f(x) -> (y) { (p, q, r) = h(x); y = p; }", null, "t.elim:2:36: error: 'h' returns 2 values, but 3 targets are given" },
        { "function h(x) -> (a, b) { a = x; b = x; }\\nfunction f(x) -> (y) { y = h(x) + 1; }", null, "t.elim:2:28: error: 'h' returns 2 values and cannot be used inside an expression" },
        { "function f(x) -> (y) { y = x; }\\nfunction f(x) -> (z) { z = x; }", null, "t.elim:2:10: error: function 'f' is defined twice (first at line 1)" },
        { "function f(x, x) -> (y) { y = x; }", null, "t.elim:1:15: error: 'x' is declared twice in the signature of 'f'" },
        { "const a = 1;\\nconst a = 2;\\nfunction f(x) -> (y) { y = x * a; }", null, "t.elim:2:7: error: const 'a' is defined twice (first at line 1)" },
        { "function h(x) -> (y) { y = x; }\\nconst c = h(2);\\nfunction f(x) -> (y) { y = x * c; }", null, "t.elim:2:11: error: a const cannot call the function 'h'" },
        { "const c = 1;", null, "t.elim: error: the file defines no function" },
        { "function f(x) -> (y) { y = x; }\\nfunction g(x) -> (y) { y = x; }", null, "t.elim:2:10: error: cannot choose the function to differentiate: f, g are not called by another function" },
        { "function f(x) -> (y) { for i in 0..n { y = x; } }", null, "t.elim:1:36: error: unknown name 'n'" },
        { "function f(x) -> (w[3]) { for i in 3..0 { w[i] = x; } }", null, "t.elim:1:39: error: the loop range 3..0 is reversed" },
        { "function h(x, z) -> (y) { y = x * z; }\\nfunction f(x) -> (y) { y = h(x); }", null, "t.elim:2:28: error: 'h' takes 2 arguments, but 1 is given" },
        { "function f(x) -> (y) { x = 2; y = x; }", null, "t.elim:1:24: error: parameter 'x' cannot be assigned" },
        { "const g = 2;\\nfunction f(x) -> (y) { g = x; y = g; }", null, "t.elim:2:24: error: 'g' is a const and cannot be assigned" },
        { "function f(x) -> (y) { y = y + x; }", null, "t.elim:1:28: error: output 'y' is read before it is assigned" },
        { "function f(x) -> (y) { (a, b) = sin(x); y = a; }", null, "t.elim:1:33: error: 'sin' returns one value and cannot be destructured" },
        { "function f(x) -> y { y = x; }", null, "t.elim:1:18: error: unexpected 'y', expected '('" },
        { "function (x) -> (y) { y = x; }", null, "t.elim:1:10: error: unexpected '(', expected name" },
        { "function f(x) -> (y) { for i in 0..3 y = x; }", null, "t.elim:1:38: error: unexpected 'y', expected '{'" },
        { "function f(x) -> (w[0]) { w[0] = x; }", null, "t.elim:1:19: error: the size of array 'w' must be a positive integer" },
        { "function f(v[3000000000]) -> (y) { y = v[0]; }", null, "t.elim:1:12: error: the size of array 'v' is past 2,147,483,647, the largest size" },
        { "function f(v[2000000]) -> (y) { y = v[0]; }", null, "t.elim:1:12: error: array 'v' has 2,000,000 elements, more than the graph may have vertices (1,000,000)" },
        { "const n = 3037000500;\nfunction f(v[4]) -> (y) { y = v[n*n]; }", null, "t.elim:2:33: error: the index is 9.22337203700025E+18, past the integers an index or a bound can be (±2,147,483,647)" },
        { "function sin(x) -> (y) { y = x; }", null, "t.elim:1:10: error: function 'sin' has the name of an elementary function" },
        { "function f(x) -> (w[2]) { for i in 0..2 { for i in 0..2 { w[i] = x; } } }", null, "t.elim:1:47: error: loop variable 'i' hides an existing name" },
        { "function f(x) -> (y) { y = 1.5.2; }", null, "t.elim:1:31: error: unexpected '.2', expected ';'" },
        { "function f(x) -> (y) { y = x; } }", null, "t.elim:1:33: error: unexpected '}', expected 'const' or 'function'" },
        { "function f(x) -> () { }", null, "t.elim:1:10: error: function 'f' has no outputs" },
        { "function f(x) -> (y) { for i in 0..x { y = x; } }", null, "t.elim:1:36: error: the loop bound is not a compile-time constant" },
        { "function f(x) -> (y) { for i in 0..2.5 { y = x; } }", null, "t.elim:1:36: error: the loop bound must be an integer, but it is 2.5" },
        { "function f(x) -> (w[2]) { for i in 0..2 { i = x; w[i] = x; } }", null, "t.elim:1:43: error: loop variable 'i' cannot be assigned" },
        { "function h(v[3]) -> (y) { y = v[0]; }\\nfunction f(u[2]) -> (y) { y = h(u); }", null, "t.elim:2:33: error: parameter 'v' of 'h' is an array of shape [3], but the argument is of shape [2]" },
        { "function h(v[3]) -> (y) { y = v[0]; }\\nfunction f(x) -> (y) { y = h(x); }", null, "t.elim:2:30: error: parameter 'v' of 'h' is an array of shape [3], but the argument is a scalar" },
        { "function f(x) -> (y) { q[0] = x; y = q[1]; }", null, "t.elim:1:38: error: 'q[1]' is read before it is assigned" },
        { "function f(x) -> (y) { y = x^; }", null, "t.elim:1:30: error: unexpected ';', expected expression" },
        { "const c = x;\\nfunction f(x) -> (y) { y = x * c; }", null, "t.elim:1:11: error: unknown name 'x'" },
        { "function f(x) -> (y) { y = 1e; }", null, "t.elim:1:29: error: unexpected 'e', expected ';'" },
        { "function f(x) -> (y) { for = 3; y = x; }", null, "t.elim:1:28: error: unexpected '=', expected name" },
        { "function f(x) -> (y) { y = x; }\\nfunction main(x) -> (y) { y = x; }", "mian", "t.elim: error: there is no function 'mian' in this file" },
        { "function f(x) -> (y) { y = x * (2 + (3 * x); }", null, "t.elim:1:44: error: unexpected ';', expected ')'" },
        { "function f(x) -> (y) { y = sin(x, ); }", null, "t.elim:1:35: error: unexpected ')', expected expression" },
        { "function f(x) -> (y) { y = sin(x x); }", null, "t.elim:1:34: error: unexpected 'x', expected ',' or ')'" },
        { "function f(x) -> (y) { y = sin(; }", null, "t.elim:1:32: error: unexpected ';', expected expression or ')'" },
        { "function f(x) -> (y) { y = sin(x; }", null, "t.elim:1:33: error: unexpected ';', expected ',' or ')'" },
        { "function f(x) -> (y) { (a b) = h(x); y = a; }", null, "t.elim:1:27: error: unexpected 'b', expected ',' or ')'" },
        { "function f(x) -> (y) { y = x < 1 < 2; }", null, "t.elim:1:34: error: unexpected '<', expected ';'" },
        { "function f(x) -> (y) { y = x ? 1 2; }", null, "t.elim:1:34: error: unexpected '2', expected ':'" },
        { "function f(x) -> (y) { y x; }", null, "t.elim:1:26: error: unexpected 'x', expected '='" },
        { "function f(x) -> (y) { y = x | 1; }", null, "t.elim:1:30: error: unexpected '|', expected ';'" },
        { "function f(x) -> (y) { y = x[; }", null, "t.elim:1:30: error: unexpected ';', expected expression" },
        { "function f(x) -> (y) { y = x * 2; }\\n\\n  y = 3;", null, "t.elim:3:3: error: unexpected 'y', expected 'const' or 'function'" },
        { "function f(a[3], b[2]) -> (y[3]) { y = a + b; }", null, "t.elim:1:40: error: cannot add arrays of shapes [3] and [2]" },
        { "function f(A[2,3], b[2]) -> (y[2]) { y = A @ b; }", null, "t.elim:1:42: error: '@' cannot multiply arrays of shapes [2, 3] and [2]" },
        { "function f(a[3], b[3]) -> (y) { y = a < b ? 1 : 0; }", null, "t.elim:1:37: error: '<' needs scalars, but 'a' is an array" },
        { "function f(x) -> (y) { if (x > 0) { y = x; } }", null, "t.elim:1:37: error: output 'y' is assigned only in the then-branch of the if at line 1" },
        { "function f(x) -> (y) { if (x > 0) { t = x; } else { u = x; } y = t; }", null, "t.elim:1:66: error: 't' is assigned only in the then-branch of the if at line 1" },
        { "function g(v[2]) -> (w[2]) { w = v; }\\nfunction f(x[2]) -> (y[2]) { y = grad(g)(x); }", null, "t.elim:2:39: error: grad needs a function with one scalar output, but 'g' returns w[2]" },
        { "function g(data v[2]) -> (w) { w = v[0]; }\\nfunction f(x[2]) -> (y) { y = grad(g)(x); }", null, "t.elim:2:36: error: every parameter of 'g' is data, so there is nothing to differentiate with respect to" },
        { "function f(x, y) -> (z) { z = grad(sin)(x); }", null, "t.elim:1:36: error: grad takes a function of this file, but 'sin' is elementary" },
        { "function f(x) -> (data y) { y = x; }", null, "t.elim:1:19: error: output 'y' of 'f' is marked data" },
        { "function f(v[3]) -> (y[2]) { y = v[2:2]; }", null, "t.elim:1:36: error: the slice 2:2 is empty for 'v' of shape [3]" },
        { "function f(v[3]) -> (y) { y = sum(v, 1); }", null, "t.elim:1:38: error: the axis of sum must be a constant integer from 0 to 0" },
        { "function f(a, b) -> (y[2]) { y = [a, [a, b]]; }", null, "t.elim:1:38: error: an array literal holds scalars or rows, not both: element 1 is of shape [2] and element 0 is a scalar" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_diagnostic_line_is_exact(string program, string? function, string expected)
    {
        string text = program.Replace("\\n", "\n");
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile(text, "t.elim", function));

        Assert.Equal(expected, error.Message.Split('\n')[0]);
        Assert.NotEmpty(error.Diagnostics);
        Assert.All(error.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Hint)));
    }

    /// <summary>What users of other languages write, and the hint that says what this one writes.</summary>
    public static TheoryData<string, string> Hints() => new()
    {
        { "in = x; y = x;", "'in' is a keyword; a value needs another name" },
        { "y = in + 1;", "'in' is a keyword; a value needs another name" },
        { "y = 2 ** x;", "powers are written x ^ y" },
        { "y = x % 2;", "'%' is not part of the language: there is no remainder operator" },
        { "y = x & 1;", "'and' is written &&" },
        { "y = x | 1;", "'or' is written ||" },
        { "y = X;", "did you mean 'x'?" },
        { "sin(x); y = x;", "a call is an expression: assign what it returns, as in y = f(x);" },
        { "y = x; else { }", "close the function body or loop with '}'" },
    };

    [Theory]
    [MemberData(nameof(Hints))]
    public void The_hint_says_what_to_write_instead(string body, string hint)
    {
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile($"function f(x) -> (y) {{ {body} }}", "t.elim"));
        Assert.Equal(hint, error.Diagnostics[0].Hint);
    }
}
