using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>Wrong use gives a clear exception before any memory is touched.</summary>
public class MalformedUseTests
{
    private static readonly ComputationalGraph Graph = RandomGraphs.Create(seed: 5, inputs: 3, vertices: 12);
    private static readonly JacobianFunction Function = Compile.Jacobian(Graph, StandardOrders.Forward(Graph));

    [Fact]
    public void WrongSinglePointLengthsNameTheParameterAndTheExpectedLength()
    {
        int m = Function.OutputCount;
        var error = Assert.Throws<ArgumentException>(() => Function.Evaluate(new double[2], new double[m], new double[m * 3]));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("needs 3 values", error.Message);
        Assert.Throws<ArgumentException>(() => Function.Evaluate(new double[3], new double[m + 1], new double[m * 3]));
        error = Assert.Throws<ArgumentException>(() => Function.Evaluate(new double[3], new double[m], new double[m * 3 - 1]));
        Assert.Equal("jacobian", error.ParamName);
    }

    [Fact]
    public void WrongBatchLengthsAndCountsAreRejected()
    {
        int m = Function.OutputCount;
        var error = Assert.Throws<ArgumentException>(() =>
            Function.EvaluateBatch(new double[3 * 10], new double[m * 10], new double[m * 3 * 9], 10));
        Assert.Equal("jacobians", error.ParamName);
        Assert.Contains("10 points", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Function.EvaluateBatch([], [], [], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Function.EvaluateBatch([], [], [], 0, threads: 0));
        Assert.Throws<ArgumentException>(() => Function.Primal.EvaluateBatch(new double[7], new double[m * 2], 2));
    }

    [Fact]
    public void AnOrderOfAnotherGraphIsRejectedWithItsProblems()
    {
        var other = RandomGraphs.Create(seed: 6, inputs: 2, vertices: 30);
        var error = Assert.Throws<InvalidOrderException>(() => Compile.Jacobian(Graph, StandardOrders.Forward(other)));
        Assert.Contains("not a complete elimination order", error.Message);
        Assert.Throws<InvalidOrderException>(() => Compile.Jacobian(Graph, new EliminationOrder([1, 1])));
    }
}
