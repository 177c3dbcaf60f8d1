namespace Elim.Samples;

/// <summary>The code of docs/api.md, runnable (a test checks the document quotes this file).</summary>
public static class QuickStart
{
    /// <summary>Compiles two functions and evaluates them at one point and on a batch.</summary>
    public static void Run(TextWriter output, string examplesDirectory)
    {
        // 1. Compile a function written in the .elim language, here with reverse mode.
        JacobianFunction polar = Jacobians.Compile("""
            function polar(r, theta) -> (x, y) {
                x = r * cos(theta);
                y = r * sin(theta);
            }
            """, new CompileOptions { Order = OrderSource.Reverse });

        // 2. One point: outputs and the row-major Jacobian (row per output), written into your buffers.
        Span<double> values = stackalloc double[polar.OutputCount];
        Span<double> jacobian = stackalloc double[polar.OutputCount * polar.InputCount];
        polar.Evaluate([2.0, 0.5], values, jacobian);
        output.WriteLine($"{string.Join(", ", polar.OutputNames)} = {values[0]:F6}, {values[1]:F6}");
        output.WriteLine($"d(x, y)/d(r, theta) = [{jacobian[0]:F6} {jacobian[1]:F6}; {jacobian[2]:F6} {jacobian[3]:F6}]");

        // 3. A batch of points, one point after another (x: N×n, Jacobians: N×m×n), on 2 threads.
        const int count = 1_000;
        var xs = new double[count * polar.InputCount];
        for (int p = 0; p < count; p++) (xs[2 * p], xs[2 * p + 1]) = (1.0 + p * 0.001, 0.5);
        var ys = new double[count * polar.OutputCount];
        var jacobians = new double[count * polar.OutputCount * polar.InputCount];
        polar.EvaluateBatch(xs, ys, jacobians, count, BatchLayout.PerPoint, threads: 2);
        output.WriteLine($"point 999: dx/dtheta = {jacobians[999 * 4 + 1]:F6}");

        // 4. A file, with the best order stored for its shape (the cheapest of minimal Markowitz, reverse and forward when none is stored).
        JacobianFunction roe = Jacobians.CompileFile(Path.Combine(examplesDirectory, "roe_flux_1d.elim"));
        output.WriteLine($"{roe.Name}: {roe.InputCount} inputs, {roe.OutputCount} outputs, " +
            $"Markowitz cost {roe.MarkowitzCost}, emitted cost {roe.EmittedCost}, order {roe.OrderOrigin}");
    }
}
