using System.Runtime.Intrinsics;
using Elim.Backend.Emit;
using Elim.Frontend;
using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>
/// Single-point code computes the sines and cosines that are ready together in one vector SinCos, the function the
/// batch kernels' lanes use (here those of x and y), and the sine and cosine of a value alone (x·y) with one
/// <see cref="Math.SinCos"/> call, whose values are <see cref="Math.Sin"/>'s and <see cref="Math.Cos"/>'s to the bit;
/// square roots ready together go through one vector square root, each lane <see cref="Math.Sqrt"/>'s value to the bit.
/// </summary>
public class LaneGroupsTests
{
    private static readonly ComputationalGraph Roots = ElimFrontend.Compile(
        "function f(x, y, z) -> (a, b) { a = sqrt(x) * sqrt(y) + sqrt(z) - sqrt(x + y + z); b = sqrt(x * y) / sqrt(z + 1); }", "sqrt.elim");

    [Theory]
    [InlineData(0.3, 1.7, 2.9)]
    [InlineData(1e-300, 4.0, 1e300)]
    [InlineData(0.0, 2.0, -0.5)]   // sqrt of a negative is NaN in every lane
    public void Grouped_square_roots_are_Math_Sqrt_to_the_bit(double x, double y, double z)
    {
        double[] expected = [Math.Sqrt(x) * Math.Sqrt(y) + Math.Sqrt(z) - Math.Sqrt(x + y + z), Math.Sqrt(x * y) / Math.Sqrt(z + 1)];
        foreach (var order in (EliminationOrder[])[StandardOrders.Forward(Roots), StandardOrders.Reverse(Roots)])
        {
            var function = Compile.Jacobian(Roots, order);
            var program = function.Code.Program;
            var groups = LaneGroups.Find(program, 0, program.Instructions.Count, ScalarLaneEmitter.Instance);
            if (Vector256.IsHardwareAccelerated) // else there are no vectors to group in
                Assert.True(Enumerable.Range(0, program.Instructions.Count).Count(id => groups.Contains(id)) >= 3, "the square roots of x, y and z are ready together");
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), Compile.At(function, [x, y, z]).Outputs.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    private static readonly ComputationalGraph Graph = ElimFrontend.Compile(
        "function f(x, y) -> (a, b, c) { a = sin(x) * cos(y); b = cos(x) + sin(x * y); c = cos(x * y) / (2 + sin(y)); }", "sincos.elim");

    public static TheoryData<double, double> Points() => new()
    {
        { 0.3, -1.7 }, { 1e-9, 3.141592653589793 }, { -40.0, 1e6 }, { 0.0, -0.0 }, { 1e22, 7.5 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Grouped_values_are_the_vector_lanes_and_a_lone_value_is_Math_to_the_bit(double x, double y)
    {
        var (sinX, cosX, sinY, cosY) = VectorSinCos(x, y);
        double[] expected = [sinX * cosY, cosX + Math.Sin(x * y), Math.Cos(x * y) / (2 + sinY)];
        foreach (var order in (EliminationOrder[])[StandardOrders.Forward(Graph), StandardOrders.Reverse(Graph), StandardOrders.MinimalMarkowitz(Graph)])
        {
            Assert.Equal(expected, Compile.At(Compile.Jacobian(Graph, order), [x, y]).Outputs);
        }
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void The_vector_lanes_are_within_two_ulp_of_Math(double x, double y)
    {
        var (sinX, cosX, sinY, cosY) = VectorSinCos(x, y);
        foreach (var (actual, exact) in new[] { (sinX, Math.Sin(x)), (cosX, Math.Cos(x)), (sinY, Math.Sin(y)), (cosY, Math.Cos(y)) })
            Assert.InRange(Math.Abs(actual - exact), 0, 2 * (Math.BitIncrement(Math.Abs(exact)) - Math.Abs(exact)));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void The_Jacobian_holds_the_cosine_where_the_sine_was_differentiated(double x, double y)
    {
        var (sinX, cosX, sinY, cosY) = VectorSinCos(x, y);
        var (_, jacobian) = Compile.At(Compile.Jacobian(Graph, StandardOrders.Forward(Graph)), [x, y]);
        Assert.Equal(cosX * cosY, jacobian[0]);     // ∂a/∂x
        Assert.Equal(-sinX * sinY, jacobian[1]);    // ∂a/∂y
    }

    // The sines and cosines of x and y as lanes 0 and 1 of the batch kernels' vector (eight lanes with AVX-512, else four).
    private static (double SinX, double CosX, double SinY, double CosY) VectorSinCos(double x, double y)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var (sin, cos) = Vector512.SinCos(Vector512.Create(x, y, 0, 0, 0, 0, 0, 0));
            return (sin[0], cos[0], sin[1], cos[1]);
        }
        var (sin4, cos4) = Vector256.SinCos(Vector256.Create(x, y, 0, 0));
        return (sin4[0], cos4[0], sin4[1], cos4[1]);
    }
}
