using Elim.Gpu.Devices;

namespace Elim.Cli;

/// <summary>
/// <c>--device cpu|ilgpu-cpu|cuda</c> of <c>elim eval</c> and <c>elim bench</c>. A device that cannot be had (no
/// CUDA GPU) is not an error: its message goes to standard error and the command runs on the CPU backend.
/// </summary>
public static class DeviceOption
{
    /// <summary>The option's values for usage lines.</summary>
    public static string Choices => string.Join("|", DeviceKinds.Names);

    /// <summary>The option as commands declare it.</summary>
    public static CommandOption Option { get; } = new("device", Choices,
        "where compiled code runs: the CPU backend, ILGPU's CPU accelerator, or the first CUDA GPU, else the CPU", "cpu");

    /// <summary>The device <c>--device</c> names (default cpu); a fallback is reported on <paramref name="error"/>.</summary>
    /// <exception cref="UsageException">The name is not a device.</exception>
    public static DeviceSelection Open(Arguments arguments, TextWriter error)
    {
        string name = arguments.Value("device") ?? "cpu";
        DeviceKind kind;
        try
        {
            kind = DeviceKinds.Parse(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--device '{name}' is not one of {string.Join(", ", DeviceKinds.Names)}.");
        }
        var selection = GpuDevices.Create(kind);
        if (selection.Message is { } message) error.WriteLine($"elim: {message}");
        return selection;
    }
}
