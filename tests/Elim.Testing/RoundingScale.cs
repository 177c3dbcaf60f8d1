using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// How much rounding an output of a graph amplifies at a point: the first-order forward error bound of
/// straight-line code. With ā the adjoints of output o propagated through absolute local partials,
/// κ_o = Σ_v ā(v)·|v| over all nodes bounds |Δy_o| / ε when every node carries a relative error ε, and
/// ā(input i) = Σ over paths of |product of partials| bounds the rounding of accumulating J_oi.
/// Two correct implementations that differ by an ulp in one elementary function (torch's erf and Elim's
/// series do) may differ by about ε·κ_o, which on a random graph with chained squares can be 1e8 times
/// ε. The tolerances scale by these bounds, so a well-conditioned output is still checked to 1e-12
/// (values) and 1e-10 (Jacobians) while an ill-conditioned one is not failed for honest rounding.
/// The adjoints use Elim's local partials; that only sizes the tolerance, the values compared come from
/// torch.
/// </summary>
public sealed class RoundingScale
{
    private readonly double[] _condition;     // κ_o / max(1, |y_o|), at least 1
    private readonly double[,] _pathSums;     // Σ over paths from input i to output o of |product of partials|

    /// <summary>
    /// Σ over paths of |product of partials| for every Jacobian entry of <paramref name="graph"/> at <paramref name="x"/>
    /// (and the data inputs <paramref name="data"/>).
    /// </summary>
    public static double[,] Of(ComputationalGraph graph, double[] x, double[]? data = null) => new RoundingScale(graph, x, data)._pathSums;

    /// <summary>The bounds of <paramref name="graph"/> at <paramref name="x"/> (and the data inputs <paramref name="data"/>).</summary>
    public RoundingScale(ComputationalGraph graph, double[] x, double[]? data = null)
    {
        var values = Interpreter.EvaluateNodes(graph, x, data);
        var partials = Interpreter.LocalPartials(graph, values);
        _condition = new double[graph.OutputCount];
        _pathSums = new double[graph.OutputCount, graph.InputCount];
        var adjoint = new double[graph.NodeCount];
        for (int o = 0; o < graph.OutputCount; o++)
        {
            Array.Clear(adjoint);
            int output = graph.NodeOf(graph.Outputs[o].VertexId);
            adjoint[output] = 1;
            for (int e = partials.Length - 1; e >= 0; e--)
            {
                var edge = graph.Edges[e];
                adjoint[edge.Source] += Math.Abs(partials[e]) * adjoint[edge.Target];
            }
            double kappa = 0;
            for (int v = 0; v < graph.NodeCount; v++) kappa += adjoint[v] * Math.Abs(values[v]);
            // An infinite partial into a zero value (√ of a zero norm) makes κ NaN: judge that output by the plain tolerance.
            _condition[o] = double.IsNaN(kappa) ? 1 : Math.Max(1, kappa / Math.Max(1, Math.Abs(values[output])));
            for (int i = 0; i < graph.InputCount; i++) _pathSums[o, i] = adjoint[i];
        }
    }

    /// <summary>The largest error allowed in output o: tolerance · max(1, |y_o|) · condition.</summary>
    public double ValueBound(int output, double value, double tolerance) =>
        tolerance * Math.Max(1, Math.Abs(value)) * _condition[output];

    /// <summary>The largest error allowed in J_oi: tolerance · max(1, |J_oi|, path sum) · condition.</summary>
    public double JacobianBound(int output, int input, double entry, double tolerance) =>
        tolerance * Math.Max(Math.Max(1, Math.Abs(entry)), _pathSums[output, input]) * _condition[output];

    /// <summary>The largest condition factor over the outputs (1 for a perfectly conditioned graph).</summary>
    public double WorstCondition => _condition.Max();
}
