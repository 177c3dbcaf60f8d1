using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Elim.Scale.Perf;

/// <summary>
/// <c>elim search FILE --method M --time T</c> for every method the CLI offers, each as a child process: its wall time
/// (the issue asks for at most T + 1 s) and its peak resident memory (VmHWM from /proc, read while it runs).
/// </summary>
public static partial class SearchRuns
{
    /// <summary>Grace after the time limit before a child is stopped.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    /// <summary>The methods in <c>elim search --help</c>, so that every registered method is run (the agent's too).</summary>
    public static IReadOnlyList<string> Methods(string elimDll)
    {
        var (exit, output) = Run(elimDll, ["search", "--help"]);
        var match = MethodList().Match(output);
        if (exit != 0 || !match.Success) throw new InvalidOperationException($"cannot read the search methods from 'elim search --help' (exit {exit}): {output}");
        return match.Groups[1].Value.Split('|');
    }

    /// <summary>Runs every method on <paramref name="file"/> (a graph of <paramref name="vertices"/> vertices) within the budget.</summary>
    public static void RunAll(string elimDll, string file, int target, int vertices, TimeSpan time, TimeBudget budget, Action<ScaleRow> report)
    {
        string seconds = time.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        foreach (string method in Methods(elimDll))
        {
            string step = $"search --method {method} --time {seconds}s";
            if (budget.Left < time + Grace)
            {
                report(new ScaleRow("search", target, vertices, step, null, "s",
                    $"skipped: {budget.Left.TotalSeconds:F0} s of the budget left, under the run's time and its {Grace.TotalSeconds:F0} s grace"));
                continue;
            }
            var (wall, peakBytes, exit) = Measure(elimDll, ["search", file, "--method", method, "--time", $"{seconds}s", "--seed", "1", "--no-store"], time + Grace);
            string verdict = exit is null ? $"stopped after {wall:F1} s" : exit == 0 ? (wall <= time.TotalSeconds + 1 ? "within T + 1 s" : "over T + 1 s") : $"exit code {exit}";
            report(new ScaleRow("search", target, vertices, step, wall, "s", verdict));
            report(new ScaleRow("search", target, vertices, step + " peak RSS", peakBytes / 1e6, "MB", peakBytes > 2e9 ? "over 2 GB" : ""));
        }
    }

    /// <summary>Wall seconds, peak resident bytes and exit code (null when it had to be stopped) of <c>dotnet elim.dll ARGS</c>.</summary>
    private static (double Wall, long PeakBytes, int? Exit) Measure(string elimDll, IReadOnlyList<string> args, TimeSpan limit)
    {
        using var process = Start(elimDll, args);
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        long peak = 0;
        while (!process.WaitForExit(50))
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            if (clock.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (clock.Elapsed.TotalSeconds, peak, null);
            }
        }
        return (clock.Elapsed.TotalSeconds, peak, process.ExitCode);
    }

    private static (int Exit, string Output) Run(string elimDll, IReadOnlyList<string> args)
    {
        using var process = Start(elimDll, args);
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static Process Start(string elimDll, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(elimDll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
    }

    // The high-water mark of the resident set; 0 once the process is gone.
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"--method ([^\]\s]+)\]")]
    private static partial Regex MethodList();
}
