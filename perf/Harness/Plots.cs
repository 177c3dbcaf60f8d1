namespace Elim.Perf;

/// <summary>PNG plots: time per point against batch size (log-log), one per example and thread count.</summary>
public static class Plots
{
    public static void Write(HarnessOptions options, IReadOnlyList<Measurement> measurements)
    {
        foreach (var group in measurements.GroupBy(m => (m.Example, m.Threads)))
        {
            var plot = new ScottPlot.Plot();
            foreach (var series in group.GroupBy(m => m.Contender))
            {
                var points = series.OrderBy(m => m.Batch).ToArray();
                var scatter = plot.Add.Scatter(points.Select(m => Math.Log10(m.Batch)).ToArray(),
                    points.Select(m => Math.Log10(m.SecondsPerPoint * 1e9)).ToArray());
                scatter.LegendText = series.Key;
            }
            plot.Title($"{group.Key.Example}: time per point, {group.Key.Threads} thread(s)");
            plot.XLabel("log10 batch size");
            plot.YLabel("log10 ns per point");
            plot.ShowLegend();
            plot.SavePng(Path.Combine(options.OutputDirectory, $"cpu-{group.Key.Example}-t{group.Key.Threads}.png"), 800, 500);
        }
    }
}
