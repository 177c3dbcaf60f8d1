namespace Elim.Search.Perf;

/// <summary>Draws best cost against time, one PNG per task (the anytime runs), with ScottPlot.</summary>
internal static class CostCurveChart
{
    /// <summary>Writes the charts into <paramref name="directory"/>; returns their file names (none if drawing fails).</summary>
    public static IReadOnlyList<string> TryWrite(IReadOnlyList<CurvePoint> points, IReadOnlyDictionary<string, (long? AlphaGrad, long LowerBound, long Portfolio)> references,
        string directory, TextWriter log)
    {
        var files = new List<string>();
        try
        {
            foreach (var task in points.GroupBy(p => p.Task))
            {
                var plot = new ScottPlot.Plot();
                foreach (var run in task.Where(p => p.Method.Contains('-', StringComparison.Ordinal)).GroupBy(p => p.Method))
                {
                    var line = plot.Add.Scatter(run.Select(p => Math.Max(p.Seconds, 0.001)).ToArray(), run.Select(p => (double)p.Cost).ToArray());
                    line.LegendText = run.Key;
                    line.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
                }
                var (alphaGrad, bound, portfolio) = references[task.Key];
                // From just below the bound to just above the portfolio: the heuristics' first reports would flatten the rest.
                plot.Axes.SetLimitsY(bound * 0.97, Math.Max(portfolio, alphaGrad ?? 0) * 1.03);
                if (alphaGrad is long published) plot.Add.HorizontalLine(published).LegendText = $"AlphaGrad {published}";
                plot.Add.HorizontalLine(bound).LegendText = $"lower bound {bound}";
                plot.Title($"{task.Key}: best Markowitz cost against time");
                plot.XLabel("seconds");
                plot.YLabel("best cost (multiplications)");
                plot.ShowLegend();
                string file = $"search-curve-{task.Key}.png";
                plot.SavePng(Path.Combine(directory, file), 800, 450);
                files.Add(file);
            }
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            log.WriteLine($"charts skipped: {e.GetType().Name}: {e.Message}");
            return [];
        }
        return files;
    }
}
