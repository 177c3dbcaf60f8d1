using Elim.Graph;

namespace Elim.Testing;

/// <summary>An oracle independent of every derivative rule: central finite differences of the primal.</summary>
public static class FiniteDifferences
{
    /// <summary>
    /// The Jacobian of <paramref name="graph"/> at <paramref name="point"/> by central differences with
    /// step h = 1e-6·max(1, |x|), accurate to about 1e-8 relative for smooth functions.
    /// </summary>
    public static double[,] Jacobian(ComputationalGraph graph, double[] point)
    {
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        var shifted = (double[])point.Clone();
        for (int i = 0; i < graph.InputCount; i++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(point[i]));
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
    /// Asserts that <paramref name="jacobian"/> matches central differences: within 1e-5 relative, plus an
    /// absolute allowance for the differences' rounding error, about ε·|f|/h, scaled by the largest output.
    /// </summary>
    public static void AssertMatches(ComputationalGraph graph, double[] point, double[,] jacobian, string context = "finite differences:")
    {
        double outputScale = Interpreter.Evaluate(graph, point).Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        double allowance = 1e-8 * Math.Max(1, outputScale);
        JacobianComparison.AssertClose(jacobian, Jacobian(graph, point), 1e-5, context, allowance);
    }
}
