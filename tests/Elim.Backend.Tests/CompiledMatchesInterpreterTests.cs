using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>The compiled Jacobian equals the reference interpreter for tasks, random programs and random orders.</summary>
public class CompiledMatchesInterpreterTests
{
    [Theory]
    [MemberData(nameof(TaskGraphs.Examples), MemberType = typeof(TaskGraphs))]
    public void EveryExampleAgreesForStandardAndRandomOrders(string file, string function)
    {
        var example = ExamplePoints.All.Single(e => e.File == file && (e.Function ?? "") == function);
        var graph = TaskGraphs.Example(file, example.Function);
        var data = ExamplePoints.Data(file);
        var orders = new[] { StandardOrders.Forward(graph), StandardOrders.Reverse(graph), StandardOrders.MinimalMarkowitz(graph) }
            .Concat(Enumerable.Range(0, 4).Select(seed => RandomGraphs.RandomOrder(graph, seed)));
        var random = new Random(7);
        // Nearby points, where the function is still inside its domain (g's domain is narrow).
        var points = Enumerable.Range(0, 3)
            .Select(_ => example.Point.Select(v => v * (0.9 + 0.2 * random.NextDouble())).ToArray())
            .Where(p => Interpreter.ForwardJacobian(graph, p, data).Cast<double>().All(double.IsFinite))
            .Prepend(example.Point).ToList();
        foreach (var order in orders)
        {
            var compiled = Compile.Jacobian(graph, order);
            foreach (var point in points) AssertAgrees(graph, order, compiled, point, data);
        }
    }

    [Theory]
    [MemberData(nameof(TaskGraphs.Examples), MemberType = typeof(TaskGraphs))]
    public void ASinglePointWritesEveryResultSlotAndNothingBeside(string file, string function)
    {
        // Constant results go out as whole-vector stores: a run must cover its slots exactly, never a neighbour's.
        var example = ExamplePoints.All.Single(e => e.File == file && (e.Function ?? "") == function);
        var graph = TaskGraphs.Example(file, example.Function);
        var compiled = Compile.Jacobian(graph, StandardOrders.Reverse(graph));
        int m = compiled.OutputCount, mn = compiled.OutputCount * compiled.InputCount, guard = 9;
        var outputs = Enumerable.Repeat(-7.25, m + 2 * guard).ToArray();
        var jacobian = Enumerable.Repeat(-7.25, mn + 2 * guard).ToArray();
        compiled.Evaluate(example.Point, ExamplePoints.Data(file), outputs.AsSpan(guard, m), jacobian.AsSpan(guard, mn));
        var (expectedOutputs, expectedJacobian) = Compile.At(compiled, example.Point, ExamplePoints.Data(file));
        Assert.Equal([.. Enumerable.Repeat(-7.25, guard), .. expectedOutputs, .. Enumerable.Repeat(-7.25, guard)], outputs);
        Assert.Equal([.. Enumerable.Repeat(-7.25, guard), .. expectedJacobian, .. Enumerable.Repeat(-7.25, guard)], jacobian);
    }

    [Fact]
    public void RandomProgramsAgreeForRandomOrders()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var graph = RandomGraphs.Create(seed, inputs: 1 + seed % 5, vertices: 4 + seed % 40);
            for (int o = 0; o < 3; o++)
            {
                var order = RandomGraphs.RandomOrder(graph, seed * 10 + o);
                AssertAgrees(graph, order, Compile.Jacobian(graph, order), RandomGraphs.RandomPoint(graph, seed + o));
            }
        }
    }

    [Fact]
    public void EveryOrderOfOneProgramGivesTheSameJacobian()
    {
        var graph = RandomGraphs.Create(seed: 11, inputs: 3, vertices: 30);
        var point = RandomGraphs.RandomPoint(graph, 5);
        var forward = Interpreter.ForwardJacobian(graph, point);
        for (int seed = 0; seed < 10; seed++)
        {
            var (_, jacobian) = Compile.At(Compile.Jacobian(graph, RandomGraphs.RandomOrder(graph, seed)), point);
            Close.Equal(forward, jacobian, $"order seed {seed}", 1e-10);
        }
    }

    internal static void AssertAgrees(ComputationalGraph graph, EliminationOrder order, JacobianFunction function, double[] point,
        double[]? data = null)
    {
        var (outputs, jacobian) = Compile.At(function, point, data);
        var expectedOutputs = Interpreter.Evaluate(graph, point, data);
        for (int o = 0; o < outputs.Length; o++) Close.Equal(expectedOutputs[o], outputs[o], $"{graph.Name} y[{o}]");
        // Relative to the sum of |path products| (cancellation is judged fairly): the emit rules compute pow's
        // base partial from the power, the interpreter as b·a^(b−1).
        var expected = Interpreter.EliminationJacobian(graph, point, order, data);
        var actual = new double[expected.GetLength(0), expected.GetLength(1)];
        Buffer.BlockCopy(jacobian, 0, actual, 0, jacobian.Length * sizeof(double));
        JacobianComparison.AssertClose(expected, actual, Close.Tolerance, $"{graph.Name} order {order}", scale: RoundingScale.Of(graph, point, data));
    }
}
