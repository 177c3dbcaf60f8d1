using System.Runtime.InteropServices;

namespace Elim.Cli.Bench;

/// <summary>The machine a measurement was taken on, in words: processor model, logical cores, runtime.</summary>
public static class MachineDescription
{
    /// <summary>Like <c>AMD EPYC 7B13, 2 logical cores, X64 Linux, .NET 10.0.0</c>.</summary>
    public static string Current { get; } =
        $"{Processor()}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSArchitecture} {OperatingSystemName()}, {RuntimeInformation.FrameworkDescription}";

    // The processor's model name where the system says it (Linux), else its architecture.
    private static string Processor()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.IndexOf(':') is var colon and >= 0) return line[(colon + 1)..].Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture + " processor";
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "other OS";
}
