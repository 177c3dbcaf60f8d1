using Elim.Frontend;
using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>
/// The CPU code takes a sine and a cosine of one value with one <see cref="Math.SinCos"/> call: the values are
/// <see cref="Math.Sin"/>'s and <see cref="Math.Cos"/>'s to the bit, whichever of the two comes first. (Batches of
/// points run the vector code, which has its own sine and cosine.)
/// </summary>
public class SinCosPairsTests
{
    private static readonly ComputationalGraph Graph = ElimFrontend.Compile(
        "function f(x, y) -> (a, b, c) { a = sin(x) * cos(y); b = cos(x) + sin(x * y); c = cos(x * y) / (2 + sin(y)); }", "sincos.elim");

    public static TheoryData<double, double> Points() => new()
    {
        { 0.3, -1.7 }, { 1e-9, 3.141592653589793 }, { -40.0, 1e6 }, { 0.0, -0.0 }, { 1e22, 7.5 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Outputs_equal_Math_Sin_and_Math_Cos_to_the_bit(double x, double y)
    {
        double[] expected = [Math.Sin(x) * Math.Cos(y), Math.Cos(x) + Math.Sin(x * y), Math.Cos(x * y) / (2 + Math.Sin(y))];
        foreach (var order in (EliminationOrder[])[StandardOrders.Forward(Graph), StandardOrders.Reverse(Graph), StandardOrders.MinimalMarkowitz(Graph)])
        {
            Assert.Equal(expected, Compile.At(Compile.Jacobian(Graph, order), [x, y]).Outputs);
        }
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void The_Jacobian_holds_the_cosine_where_the_sine_was_differentiated(double x, double y)
    {
        var (_, jacobian) = Compile.At(Compile.Jacobian(Graph, StandardOrders.Forward(Graph)), [x, y]);
        Assert.Equal(Math.Cos(x) * Math.Cos(y), jacobian[0]);     // ∂a/∂x
        Assert.Equal(-Math.Sin(x) * Math.Sin(y), jacobian[1]);    // ∂a/∂y
    }
}
