using Elim.Graph;

namespace Elim.Testing;

/// <summary>An oracle independent of every derivative rule: central finite differences of the primal.</summary>
public static class FiniteDifferences
{
    /// <summary>
    /// The Jacobian of <paramref name="graph"/> at <paramref name="point"/> by central differences with
    /// step h = <paramref name="relativeStep"/>·max(1, |x|); with the default step about 1e-8 relative for
    /// smooth, moderately curved functions.
    /// </summary>
    public static double[,] Jacobian(ComputationalGraph graph, double[] point, double relativeStep = 1e-6, double[]? data = null) =>
        Jacobian(x => Interpreter.Evaluate(graph, x, data), graph.OutputCount, point, relativeStep);

    /// <summary>
    /// Asserts that <paramref name="jacobian"/> matches central differences wherever differences resolve
    /// the derivative, and returns how many entries they do not resolve. An entry is resolved when the
    /// differences with steps h and h/10 agree (1e-4 relative): where they do not, the function curves too
    /// much on the scale of h (sin of a huge argument, say) and differences say nothing. Resolved entries
    /// must match within 1e-5 relative, plus an allowance for the differences' rounding error, about
    /// ε·|f|/h, scaled by the largest output and by <see cref="RoundingScale.WorstCondition"/>.
    /// </summary>
    public static int AssertMatches(ComputationalGraph graph, double[] point, double[,] jacobian, string context = "finite differences:",
        double[]? data = null)
    {
        double outputScale = Interpreter.Evaluate(graph, point, data).Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double allowance = 1e-8 * Math.Max(1, outputScale) * new RoundingScale(graph, point, data).WorstCondition;
        return AssertMatches(x => Interpreter.Evaluate(graph, x, data), graph.OutputCount, point, jacobian, allowance, context);
    }

    /// <summary>
    /// Asserts that <paramref name="hessian"/> matches the Hessian of the single-output
    /// <paramref name="graph"/> at <paramref name="point"/> (with the data inputs <paramref name="data"/>):
    /// central differences of its reference gradient (<see cref="Interpreter.ReverseJacobian"/>), judged as
    /// in <see cref="AssertMatches(ComputationalGraph, double[], double[,], string, double[])"/>; the allowance for
    /// rounding scales with the gradient's path sums (<see cref="RoundingScale.Of"/>). Returns how many
    /// entries differences do not resolve.
    /// </summary>
    public static int AssertHessianMatches(ComputationalGraph graph, double[] point, double[,] hessian, double[]? data = null,
        string context = "finite-difference Hessian:")
    {
        if (graph.OutputCount != 1) throw new ArgumentException($"A Hessian needs one output; '{graph.Name}' has {graph.OutputCount}.", nameof(graph));
        var scale = new RoundingScale(graph, point, data);
        double gradientScale = RoundingScale.Of(graph, point, data).Cast<double>().Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double allowance = 1e-8 * Math.Max(1, gradientScale) * scale.WorstCondition;
        return AssertMatches(x => Row(Interpreter.ReverseJacobian(graph, x, data)), graph.InputCount, point, hessian, allowance, context);
    }

    private static int AssertMatches(Func<double[], double[]> function, int outputCount, double[] point, double[,] jacobian,
        double allowance, string context)
    {
        var coarse = Jacobian(function, outputCount, point, 1e-6);
        var fine = Jacobian(function, outputCount, point, 1e-7);
        var expected = (double[,])jacobian.Clone();
        int unresolved = 0;
        for (int o = 0; o < outputCount; o++)
        {
            for (int i = 0; i < point.Length; i++)
            {
                double size = Math.Max(Math.Abs(coarse[o, i]), Math.Abs(fine[o, i]));
                if (Math.Abs(coarse[o, i] - fine[o, i]) <= 1e-4 * size + 10 * allowance) continue;
                unresolved++;
                expected[o, i] = coarse[o, i]; // not judged
            }
        }
        JacobianComparison.AssertClose(expected, coarse, 1e-5, context, allowance);
        return unresolved;
    }

    private static double[,] Jacobian(Func<double[], double[]> function, int outputCount, double[] point, double relativeStep)
    {
        var jacobian = new double[outputCount, point.Length];
        var shifted = (double[])point.Clone();
        for (int i = 0; i < point.Length; i++)
        {
            double h = relativeStep * Math.Max(1, Math.Abs(point[i]));
            shifted[i] = point[i] + h;
            var up = function(shifted);
            shifted[i] = point[i] - h;
            var down = function(shifted);
            shifted[i] = point[i];
            for (int o = 0; o < outputCount; o++) jacobian[o, i] = (up[o] - down[o]) / (2 * h);
        }
        return jacobian;
    }

    private static double[] Row(double[,] matrix) => Enumerable.Range(0, matrix.GetLength(1)).Select(i => matrix[0, i]).ToArray();
}
