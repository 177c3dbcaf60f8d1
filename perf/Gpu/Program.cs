using Elim.Gpu.Devices;
using Elim.Perf.Gpu;
using Elim.Testing;

// Batched Jacobians per second and memory bandwidth of the GPU kernels against the CPU backend on all cores.
GpuBenchOptions options;
try
{
    options = GpuBenchOptions.Parse(args, ExamplePoints.All.Select(e => e.File).Distinct().ToArray());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine($"usage: {GpuBenchOptions.Usage}");
    return 64;
}
var selection = GpuDevices.Create(options.Device, options.Processors);
if (selection.Device is not { } device)
{
    Console.Error.WriteLine(selection.Message ?? "Device 'cpu' runs no kernels; choose ilgpu-cpu or cuda.");
    return 1;
}
using (device)
{
    Console.Error.WriteLine($"Device: {device}");
    var rows = new List<GpuBenchRow>();
    foreach (var row in options.Examples.SelectMany(e => ExampleBench.Run(device, e, options.Batches)))
    {
        Console.Error.WriteLine($"{row.Example} batch {row.Batch} {row.Contender}: {row.Seconds * 1e3:F3} ms");   // a run cut short keeps its rows in the log
        rows.Add(row);
    }
    string command = "dotnet run -c Release --project perf/Gpu -- " + string.Join(' ', args);
    GpuBenchReport.Write(options.OutputDirectory, DeviceKinds.NameOf(device.Kind), device.Name, device.PeakBandwidth, command, rows);
    Console.WriteLine(File.ReadAllText(Path.Combine(options.OutputDirectory, $"gpu-{DeviceKinds.NameOf(device.Kind)}.md")));
}
return 0;
