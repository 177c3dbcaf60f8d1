using System.Globalization;
using ScottPlot;

namespace Elim.Search.Agent.Training;

/// <summary>One row of the training log.</summary>
/// <param name="Step">Gradient steps so far.</param>
/// <param name="Games">Self-play games so far.</param>
/// <param name="Minutes">Training minutes so far (over resumed runs too).</param>
/// <param name="PolicyLoss">Mean policy loss since the last row.</param>
/// <param name="ValueLoss">Mean value loss since the last row.</param>
/// <param name="ValidationRatio">Greedy cost / best of forward, reverse and minimal Markowitz, mean over the validation graphs.</param>
/// <param name="Wins">Validation graphs where greedy is strictly cheaper than the best standard order.</param>
/// <param name="Losses">Validation graphs where it is strictly dearer.</param>
/// <param name="ProgramRatio">The same ratio over the held-out real programs alone (NaN without any).</param>
public sealed record TrainingLogRow(long Step, long Games, double Minutes, double PolicyLoss, double ValueLoss, double ValidationRatio, int Wins, int Losses,
    double ProgramRatio);

/// <summary>The CSV log of a training run (appended, so a resumed run continues it) and its curve as a PNG.</summary>
public sealed class TrainingLog(string csvPath, string pngPath)
{
    private const string Header = "step,games,minutes,policy_loss,value_loss,validation_ratio_vs_best_standard,wins,losses,program_ratio_vs_best_standard";

    /// <summary>Starts a fresh log, or keeps the existing one when resuming.</summary>
    public void Start(bool resume)
    {
        if (!resume || !File.Exists(csvPath)) File.WriteAllText(csvPath, Header + Environment.NewLine);
    }

    /// <summary>Appends <paramref name="row"/> and redraws the curve from the whole log.</summary>
    public void Append(TrainingLogRow row)
    {
        var c = CultureInfo.InvariantCulture;
        File.AppendAllText(csvPath, string.Join(',', row.Step.ToString(c), row.Games.ToString(c), row.Minutes.ToString("F2", c),
            row.PolicyLoss.ToString("F4", c), row.ValueLoss.ToString("F4", c), row.ValidationRatio.ToString("F4", c),
            row.Wins.ToString(c), row.Losses.ToString(c), row.ProgramRatio.ToString("F4", c)) + Environment.NewLine);
        Draw(Read());
    }

    /// <summary>The rows written so far.</summary>
    public List<TrainingLogRow> Read()
    {
        var c = CultureInfo.InvariantCulture;
        return [.. File.ReadLines(csvPath).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split(',');
            return new TrainingLogRow(long.Parse(f[0], c), long.Parse(f[1], c), double.Parse(f[2], c), double.Parse(f[3], c),
                double.Parse(f[4], c), double.Parse(f[5], c), int.Parse(f[6], c), int.Parse(f[7], c),
                f.Length > 8 ? double.Parse(f[8], c) : double.NaN);
        })];
    }

    private void Draw(List<TrainingLogRow> rows)
    {
        var plot = new Plot();
        double[] minutes = [.. rows.Select(r => r.Minutes)];
        var policy = plot.Add.Scatter(minutes, rows.Select(r => r.PolicyLoss).ToArray());
        policy.LegendText = "policy loss";
        var value = plot.Add.Scatter(minutes, rows.Select(r => r.ValueLoss).ToArray());
        value.LegendText = "value loss";
        var ratio = plot.Add.Scatter(minutes, rows.Select(r => r.ValidationRatio).ToArray());
        ratio.LegendText = "greedy cost / best standard order, all validation graphs (right)";
        ratio.Axes.YAxis = plot.Axes.Right;
        if (rows.Any(r => !double.IsNaN(r.ProgramRatio)))
        {
            var programs = plot.Add.Scatter(minutes, rows.Select(r => r.ProgramRatio).ToArray());
            programs.LegendText = "the same, held-out real programs (right)";
            programs.Axes.YAxis = plot.Axes.Right;
        }
        plot.Axes.Right.Label.Text = "cost ratio on validation graphs";
        plot.Axes.Left.Label.Text = "loss";
        plot.Axes.Bottom.Label.Text = "training minutes";
        plot.Title("Self-play training");
        plot.ShowLegend();
        plot.SavePng(pngPath, 900, 500);
    }
}
