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
}
