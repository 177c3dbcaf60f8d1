namespace Elim.Gpu.Devices;

/// <summary>The names of <see cref="DeviceKind"/>s on the command line and in the API.</summary>
public static class DeviceKinds
{
    /// <summary>Every accepted name, in the order help texts list them.</summary>
    public static readonly IReadOnlyList<string> Names = ["cpu", "ilgpu-cpu", "cuda"];

    /// <summary>The kind named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static DeviceKind Parse(string name) => name.ToLowerInvariant() switch
    {
        "cpu" => DeviceKind.Cpu,
        "ilgpu-cpu" => DeviceKind.IlgpuCpu,
        "cuda" => DeviceKind.Cuda,
        _ => throw new ArgumentException($"Unknown device '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>The command-line name of <paramref name="kind"/>.</summary>
    public static string NameOf(DeviceKind kind) => Names[(int)kind];
}
