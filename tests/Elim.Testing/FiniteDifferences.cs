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
    public static double[,] Jacobian(ComputationalGraph graph, double[] point, double relativeStep = 1e-6)
    {
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        var shifted = (double[])point.Clone();
        for (int i = 0; i < graph.InputCount; i++)
        {
            double h = relativeStep * Math.Max(1, Math.Abs(point[i]));
            shifted[i] = point[i] + h;
            var up = Interpreter.Evaluate(graph, shifted);
            shifted[i] = point[i] - h;
            var down = Interpreter.Evaluate(graph, shifted);
            shifted[i] = point[i];
            for (int o = 0; o < graph.OutputCount; o++) jacobian[o, i] = (up[o] - down[o]) / (2 * h);
        }
        return jacobian;
    }

    /// <summary>
    /// Asserts that <paramref name="jacobian"/> matches central differences wherever differences resolve
    /// the derivative, and returns how many entries they do not resolve. An entry is resolved when the
    /// differences with steps h and h/10 agree (1e-4 relative): where they do not, the function curves too
    /// much on the scale of h (sin of a huge argument, say) and differences say nothing. Resolved entries
    /// must match within 1e-5 relative, plus an allowance for the differences' rounding error, about
    /// ε·|f|/h, scaled by the largest output and by <see cref="RoundingScale.WorstCondition"/>.
    /// </summary>
    public static int AssertMatches(ComputationalGraph graph, double[] point, double[,] jacobian, string context = "finite differences:")
    {
        double outputScale = Interpreter.Evaluate(graph, point).Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double allowance = 1e-8 * Math.Max(1, outputScale) * new RoundingScale(graph, point).WorstCondition;
        var coarse = Jacobian(graph, point);
        var fine = Jacobian(graph, point, 1e-7);
        var expected = (double[,])jacobian.Clone();
        int unresolved = 0;
        for (int o = 0; o < graph.OutputCount; o++)
        {
            for (int i = 0; i < graph.InputCount; i++)
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
}
