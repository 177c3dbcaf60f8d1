using Elim.Frontend.Lowering;
using Elim.Graph;
using Elim.Testing;
using Elim.TorchBridge;

namespace Elim.TorchOracle.Tests;

/// <summary>
/// The Hessian that Elim gets from reverse mode built in the graph (the Jacobian of the gradient graph,
/// accumulated by the interpreter) against torch's double autograd of the primal graph, on random scalar
/// helpers that together use every operation, with data inputs.
/// </summary>
public sealed class ReverseModeHessianOracleTests
{
    private const double Tolerance = 1e-12;

    private static readonly (int Seed, int Parameters, int Data, int Operations)[] Functions =
        [(301, 3, 1, 40), (302, 2, 2, 50), (303, 4, 0, 45), (304, 3, 2, 60), (305, 5, 1, 40), (306, 2, 1, 55)];

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Functions.Length));

    [Fact]
    public void TheFunctionsUseEveryOperation()
    {
        var used = Functions.SelectMany(f => Create(f).Primal().Vertices.Select(v => v.Op)).ToHashSet();
        var unused = Enum.GetValues<OpKind>().Where(kind => !used.Contains(kind)).ToArray();
        Assert.Empty(unused);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HessiansFromReverseModeAgreeWithTorchDoubleAutograd(int index)
    {
        var function = Create(Functions[index]);
        var primal = function.Primal();
        var gradientGraph = function.GradientGraph(ReverseMode.Gradient);
        for (int p = 0; p < 3; p++)
        {
            var (x, data) = function.RandomPoint(Functions[index].Seed * 10 + p);
            var scale = new RoundingScale(gradientGraph, x, data);
            Closeness.Equal(TorchGraph.Hessian(primal, x, data), Interpreter.ForwardJacobian(gradientGraph, x, data),
                (o, i, entry) => scale.JacobianBound(o, i, entry, Tolerance), $"{function.Name} point {p} Hessian");
        }
    }

    private static ScalarFunction Create((int Seed, int Parameters, int Data, int Operations) f) =>
        RandomScalarFunctions.Create(f.Seed, f.Parameters, f.Data, f.Operations);
}
