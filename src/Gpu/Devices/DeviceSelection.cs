namespace Elim.Gpu.Devices;

/// <summary>
/// The outcome of asking for a device: the ILGPU device to use, or none (use the CPU backend) with the reason
/// when the requested device could not be had.
/// </summary>
/// <param name="Requested">The kind asked for.</param>
/// <param name="Device">The device, or null to use the CPU backend.</param>
/// <param name="Message">Why the CPU backend is used instead of the requested device; null when nothing fell back.</param>
public sealed record DeviceSelection(DeviceKind Requested, GpuDevice? Device, string? Message)
{
    /// <summary>Whether batches run on the CPU backend (asked for, or fallen back to).</summary>
    public bool UsesCpuBackend => Device is null;

    /// <summary>Whether a requested ILGPU device was unavailable and the CPU backend stands in.</summary>
    public bool FellBack => Message is not null;
}
