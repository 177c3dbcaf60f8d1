using Elim.Backend;
using Elim.Backend.Cache;
using Elim.Gpu.Devices;
using Elim.Graph;
using ILGPU;
using ILGPU.Runtime;

namespace Elim.Gpu;

/// <summary>
/// A compiled Jacobian bound to one device: batches of points evaluated by a kernel with one thread per point,
/// on the device in structure-of-arrays layout (x: n×N, data: d×N, outputs: m×N, Jacobians: (m·n)×N, each row
/// contiguous over points). Device buffers and host staging are kept and reused across calls, grown only when a larger
/// batch comes (<see cref="Allocations"/> counts the growths). Work is queued on the evaluator's own stream:
/// <see cref="Enqueue(ReadOnlySpan{double}, int, BatchLayout)"/> returns once the launch is queued; <see cref="Synchronize"/> or
/// <see cref="SynchronizeAsync"/> waits; <see cref="ReadResults"/> copies back. Not thread-safe: use one
/// evaluator per thread (they share the compiled kernel).
/// </summary>
public sealed class GpuJacobian : IDisposable
{
    private readonly AcceleratorStream _stream;
    private readonly DeviceBatch _batch;
    private int _pending;

    private GpuJacobian(GpuDevice device, GpuKernel kernel, string name)
    {
        Device = device;
        Kernel = kernel;
        Name = name;
        _stream = device.Accelerator.CreateStream();
        _batch = new DeviceBatch(device.Accelerator, kernel.Program.InputCount, kernel.Program.DataCount, kernel.Program.OutputCount);
    }

    /// <summary>The evaluator of <paramref name="function"/> on <paramref name="device"/>: the same program as the CPU code, compiled once per device.</summary>
    public static GpuJacobian Create(GpuDevice device, JacobianFunction function) =>
        new(device, device.Kernels.GetOrAdd(CacheKey.ForJacobian(function.Graph, function.Order), () => function.Code.Program,
            KernelName(function.Graph)), function.Name);

    /// <summary>The evaluator of <paramref name="graph"/> by <paramref name="order"/> on <paramref name="device"/>.</summary>
    /// <exception cref="InvalidOrderException">The order is not a complete elimination order of this graph.</exception>
    public static GpuJacobian Create(GpuDevice device, ComputationalGraph graph, EliminationOrder order) =>
        Create(device, JacobianCompiler.Compile(graph, order));   // lowers once, shared with the CPU cache; CPU code is emitted only when called

    /// <summary>The device the kernel runs on.</summary>
    public GpuDevice Device { get; }

    /// <summary>The compiled kernel (shared by every evaluator of the same shape on this device).</summary>
    public GpuKernel Kernel { get; }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>Number of inputs n.</summary>
    public int InputCount => Kernel.Program.InputCount;

    /// <summary>Number of data inputs d (read, never differentiated).</summary>
    public int DataCount => Kernel.Program.DataCount;

    /// <summary>Number of outputs m.</summary>
    public int OutputCount => Kernel.Program.OutputCount;

    /// <summary>Points the current buffers hold without growing.</summary>
    public int Capacity => _batch.Capacity;

    /// <summary>How many times buffers (device or host staging) were allocated or grown.</summary>
    public int Allocations => _batch.Allocations;

    /// <summary>Bytes one point moves: its inputs and data read, its outputs and Jacobian written (for bandwidth figures).</summary>
    public long BytesPerPoint => (long)(InputCount + DataCount + OutputCount + OutputCount * InputCount) * sizeof(double);

    /// <summary>
    /// Copies <paramref name="count"/> points to the device and queues the kernel on this evaluator's stream;
    /// <paramref name="x"/> is laid out as <paramref name="layout"/> says (N×n per point, or n×N). For a function without data inputs.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match (or the function has data inputs).</exception>
    public void Enqueue(ReadOnlySpan<double> x, int count, BatchLayout layout = BatchLayout.StructureOfArrays) => Enqueue(x, [], count, layout);

    /// <summary>
    /// Copies <paramref name="count"/> points and their data inputs (<paramref name="data"/>: N×d per point, or d×N) to the
    /// device and queues the kernel, as <see cref="Enqueue(ReadOnlySpan{double}, int, BatchLayout)"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public void Enqueue(ReadOnlySpan<double> x, ReadOnlySpan<double> data, int count, BatchLayout layout = BatchLayout.StructureOfArrays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckLength(x.Length, (long)count * InputCount, $"{count} points × {InputCount} inputs", nameof(x));
        CheckLength(data.Length, (long)count * DataCount, $"{count} points × {DataCount} data values", nameof(data));
        _batch.Reserve(count);
        _batch.Upload(_stream, x, data, count, layout);
        Kernel.Launch(_stream, count, _batch.Inputs, _batch.Data, _batch.Outputs, _batch.Jacobians, count);
        _pending = count;
    }

    /// <summary>
    /// Queues the kernel on device-resident views of <paramref name="count"/> points in structure-of-arrays layout
    /// with rows of <paramref name="stride"/> elements (no copies; the caller owns the views). For a function without data inputs.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match (or the function has data inputs).</exception>
    public void Enqueue(ArrayView<double> x, ArrayView<double> outputs, ArrayView<double> jacobians, int count, long stride)
    {
        if (DataCount > 0) throw new ArgumentException($"{Name} reads {DataCount} data inputs: pass a view of their rows.", "data");
        Enqueue(x, _batch.Data, outputs, jacobians, count, stride);
    }

    /// <summary>
    /// Queues the kernel on device-resident views, as <see cref="Enqueue(ArrayView{double}, ArrayView{double}, ArrayView{double}, int, long)"/>
    /// does, with the data inputs in <paramref name="data"/> (d rows of <paramref name="stride"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public void Enqueue(ArrayView<double> x, ArrayView<double> data, ArrayView<double> outputs, ArrayView<double> jacobians, int count,
        long stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, count);
        CheckLength(x.Length, stride * InputCount, $"{InputCount} rows of {stride}", nameof(x));
        if (DataCount > 0) CheckLength(data.Length, stride * DataCount, $"{DataCount} rows of {stride}", nameof(data));
        CheckLength(outputs.Length, stride * OutputCount, $"{OutputCount} rows of {stride}", nameof(outputs));
        CheckLength(jacobians.Length, stride * OutputCount * InputCount, $"{OutputCount * InputCount} rows of {stride}", nameof(jacobians));
        Kernel.Launch(_stream, count, x, data, outputs, jacobians, stride);
        _pending = 0;
    }

    /// <summary>Waits until everything queued on this evaluator's stream has finished.</summary>
    public void Synchronize() => _stream.Synchronize();

    /// <summary>Waits asynchronously until everything queued on this evaluator's stream has finished.</summary>
    public Task SynchronizeAsync() => _stream.SynchronizeAsync();

    /// <summary>
    /// Copies the results of the last <see cref="Enqueue(ReadOnlySpan{double}, int, BatchLayout)"/> back (waiting for it):
    /// outputs (N×m or m×N) and Jacobians (N×m×n or (m·n)×N) as <paramref name="layout"/> says.
    /// </summary>
    public void ReadResults(Span<double> outputs, Span<double> jacobians, BatchLayout layout = BatchLayout.StructureOfArrays)
    {
        int count = _pending;
        CheckLength(outputs.Length, (long)count * OutputCount, $"{count} points × {OutputCount} outputs", nameof(outputs));
        CheckLength(jacobians.Length, (long)count * OutputCount * InputCount, $"{count} points × {OutputCount}×{InputCount} Jacobian", nameof(jacobians));
        _batch.Download(_stream, outputs, jacobians, count, layout);
    }

    /// <summary>
    /// Evaluates <paramref name="count"/> points and waits for the results: the same contract as
    /// <see cref="JacobianFunction.EvaluateBatch(ReadOnlySpan{double}, Span{double}, Span{double}, int, BatchLayout, int)"/>
    /// (without threads), on this device.
    /// </summary>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> outputs, Span<double> jacobians, int count,
        BatchLayout layout = BatchLayout.StructureOfArrays) => Evaluate(x, [], outputs, jacobians, count, layout);

    /// <summary>
    /// Evaluates <paramref name="count"/> points with their data inputs (laid out like x) and waits for the results: the same
    /// contract as <see cref="JacobianFunction.EvaluateBatch(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double}, int, BatchLayout, int)"/>
    /// (without threads), on this device.
    /// </summary>
    public void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> data, Span<double> outputs, Span<double> jacobians, int count,
        BatchLayout layout = BatchLayout.StructureOfArrays)
    {
        Enqueue(x, data, count, layout);
        ReadResults(outputs, jacobians, layout);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _batch.Dispose();
        _stream.Dispose();
    }

    /// <summary>A CLR-safe type name for the emitted kernel, from the function's name.</summary>
    private static string KernelName(ComputationalGraph graph) =>
        "F" + new string(graph.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) + "Kernel";

    private void CheckLength(long actual, long expected, string what, string parameter)
    {
        if (actual != expected)
            throw new ArgumentException($"{Name}: {parameter} has {actual} values; expected {expected} ({what}).", parameter);
    }
}
