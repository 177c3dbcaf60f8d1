using Elim.Frontend;
using Elim.Graph;
using Elim.Perf.Peers;
using Elim.Testing;

namespace Elim.Examples.Tests;

/// <summary>The hand-written C# benchmark peers compute what the example files define.</summary>
public class HandWrittenPeerTests
{
    [Fact]
    public void RoeFluxReverseSweepEqualsTheInterpreter()
    {
        var graph = ElimFrontend.CompileFile(Repository.Example("roe_flux_1d"));
        var random = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            // positive densities and an energy large enough for a positive sound speed squared
            double[] point = trial == 0 ? PaperTask.Named("RoeFlux_1d").TypicalPoint : [
                0.5 + random.NextDouble(), random.NextDouble() - 0.5, -3 - random.NextDouble(),
                0.5 + random.NextDouble(), random.NextDouble() - 0.5, -3 - random.NextDouble()];
            var outputs = new double[3];
            var flat = new double[18];
            RoeFluxReverseSweep.Evaluate(point, outputs, flat);
            var jacobian = new double[3, 6];
            for (int k = 0; k < 18; k++) jacobian[k / 6, k % 6] = flat[k];

            var values = Interpreter.Evaluate(graph, point);
            Assert.All(values, v => Assert.True(double.IsFinite(v), $"NaN at {string.Join(",", point)}"));
            for (int o = 0; o < 3; o++) Assert.Equal(values[o], outputs[o], 1e-12 * Math.Max(1, Math.Abs(values[o])));
            JacobianComparison.AssertClose(Interpreter.ForwardJacobian(graph, point), jacobian, 1e-11, $"at {string.Join(",", point)}:",
                scale: RoundingScale.Of(graph, point));
        }
    }
}
