using System.Globalization;
using ScottPlot;

namespace Elim.Search.Agent.Training.Priority;

/// <summary>One row of an evolution run's log.</summary>
/// <param name="Generation">Generations so far.</param>
/// <param name="Games">Greedy games played so far (every member of every generation on every graph of its batch).</param>
/// <param name="Minutes">Training minutes so far (over resumed runs too).</param>
/// <param name="TrainingRatio">
/// The population's cost / best standard order on its training graphs (per member the geometric mean over the
/// generation's graphs, the fitness), averaged over the members and the generations since the last row.
/// </param>
/// <param name="Score">The mean weights on the validation graphs.</param>
public sealed record EvolutionLogRow(long Generation, long Games, double Minutes, double TrainingRatio, ValidationScore Score);

/// <summary>The CSV log of an evolution run (appended, so a resumed run continues it) and its curve as a PNG.</summary>
public sealed class EvolutionLog(string csvPath, string pngPath)
{
    private const string Header = "generation,games,minutes,training_ratio_vs_best_standard,validation_ratio_vs_best_standard,wins,losses,program_ratio_vs_best_standard";

    /// <summary>Starts a fresh log, or keeps the existing one when resuming.</summary>
    public void Start(bool resume)
    {
        if (!resume || !File.Exists(csvPath)) File.WriteAllText(csvPath, Header + Environment.NewLine);
    }

    /// <summary>Appends <paramref name="row"/> and redraws the curve from the whole log.</summary>
    public void Append(EvolutionLogRow row)
    {
        var c = CultureInfo.InvariantCulture;
        File.AppendAllText(csvPath, string.Join(',', row.Generation.ToString(c), row.Games.ToString(c), row.Minutes.ToString("F2", c),
            row.TrainingRatio.ToString("F4", c), row.Score.MeanRatio.ToString("F4", c), row.Score.Wins.ToString(c), row.Score.Losses.ToString(c),
            row.Score.ProgramRatio.ToString("F4", c)) + Environment.NewLine);
        Draw();
    }

    /// <summary>Draws the curve from the whole CSV log.</summary>
    public void Draw()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = File.ReadLines(csvPath).Skip(1).Where(l => l.Length > 0).Select(l => Array.ConvertAll(l.Split(','), f => double.Parse(f, c))).ToList();
        var plot = new Plot();
        double[] minutes = [.. rows.Select(r => r[2])];
        (int Column, string Legend)[] series =
        [
            (3, "training graphs (population)"),
            (4, "validation graphs"),
            (7, "held-out real programs (in validation)"),
        ];
        foreach (var (column, legend) in series)
        {
            if (rows.All(r => double.IsNaN(r[column]))) continue;
            plot.Add.Scatter(minutes, rows.Select(r => r[column]).ToArray()).LegendText = legend;
        }
        plot.Axes.Left.Label.Text = "cost / best standard order";
        plot.Axes.Bottom.Label.Text = "training minutes";
        plot.Title("Priority network, evolution strategies (best standard: forward, reverse, min. Markowitz)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(pngPath, 900, 500);
    }
}
