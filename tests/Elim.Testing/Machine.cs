using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Elim.Testing;

/// <summary>What benchmark reports say about the machine they ran on.</summary>
public static class Machine
{
    /// <summary>The CPU's model name from /proc/cpuinfo, else the architecture.</summary>
    public static string CpuName()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, else "unknown".</summary>
    public static string LoadAverage()
    {
        try { return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    /// <summary>The checked-out commit: "commit abc1234", "commit abc1234 with local changes" or "an unknown commit".</summary>
    public static string Commit()
    {
        string? head = Git("rev-parse --short HEAD");
        if (string.IsNullOrWhiteSpace(head)) return "an unknown commit";
        return $"commit {head.Trim()}{(Git("status --porcelain --untracked-files=no") is { Length: > 0 } ? " with local changes" : "")}";
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (git is null) return null;
            string text = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
