using ILGPU;
using ILGPU.Runtime;

namespace Elim.Gpu;

/// <summary>
/// The device buffers of a batch (x: n×N, data: d×N, outputs: m×N, Jacobians: (m·n)×N, packed with stride N) and the
/// host staging used to transpose per-point layouts. Grows to the largest batch seen; never shrinks.
/// </summary>
internal sealed class DeviceBatch(Accelerator accelerator, int inputCount, int dataCount, int outputCount) : IDisposable
{
    private readonly int _jacobianRows = inputCount * outputCount;
    // Kernels take a data view even without data inputs; one value stands in (an empty view is not valid everywhere).
    private readonly MemoryBuffer1D<double, Stride1D.Dense>? _noData = dataCount == 0 ? accelerator.Allocate1D<double>(1) : null;
    private MemoryBuffer1D<double, Stride1D.Dense>? _inputs, _data, _outputs, _jacobians;
    private double[] _staging = [];
    private int _count;

    public int Capacity { get; private set; }

    public int Allocations { get; private set; }

    public ArrayView<double> Inputs => _inputs!.View.SubView(0, (long)inputCount * _count);

    /// <summary>The data rows, or the stand-in for a program without data (valid before any <see cref="Reserve"/>).</summary>
    public ArrayView<double> Data => _noData?.View ?? _data!.View.SubView(0, (long)dataCount * _count);

    public ArrayView<double> Outputs => _outputs!.View.SubView(0, (long)outputCount * _count);

    public ArrayView<double> Jacobians => _jacobians!.View.SubView(0, (long)_jacobianRows * _count);

    /// <summary>Makes room for <paramref name="count"/> points; later views cover exactly that many.</summary>
    public void Reserve(int count)
    {
        _count = count;
        if (count <= Capacity && _inputs is not null) return;
        int capacity = Math.Max(count, 1);
        DisposeBuffers();
        _inputs = accelerator.Allocate1D<double>((long)inputCount * capacity);
        if (dataCount > 0) _data = accelerator.Allocate1D<double>((long)dataCount * capacity);
        _outputs = accelerator.Allocate1D<double>((long)outputCount * capacity);
        _jacobians = accelerator.Allocate1D<double>((long)_jacobianRows * capacity);
        Capacity = capacity;
        Allocations++;
    }

    /// <summary>Copies the inputs and data of <paramref name="count"/> points, laid out as <paramref name="layout"/> says, to the device.</summary>
    public void Upload(AcceleratorStream stream, ReadOnlySpan<double> x, ReadOnlySpan<double> data, int count, BatchLayout layout)
    {
        if (count == 0) return;
        if (layout == BatchLayout.StructureOfArrays)
        {
            Inputs.AsDense().CopyFromCPU(stream, x);
            if (dataCount > 0) Data.AsDense().CopyFromCPU(stream, data);
            return;
        }
        // Both transposed into one staging area, so neither copy's source is overwritten while it may still be read.
        var columns = Staging((long)(inputCount + dataCount) * count);
        var inputColumns = columns[..(inputCount * count)];
        var dataColumns = columns[(inputCount * count)..];
        Transpose(x, inputColumns, count, inputCount);
        Inputs.AsDense().CopyFromCPU(stream, inputColumns);
        if (dataCount == 0) return;
        Transpose(data, dataColumns, count, dataCount);
        Data.AsDense().CopyFromCPU(stream, dataColumns);
    }

    public void Download(AcceleratorStream stream, Span<double> outputs, Span<double> jacobians, int count, BatchLayout layout)
    {
        stream.Synchronize();
        if (count == 0) return;
        if (layout == BatchLayout.StructureOfArrays)
        {
            Outputs.AsDense().CopyToCPU(stream, outputs);
            Jacobians.AsDense().CopyToCPU(stream, jacobians);
            return;
        }
        var columns = Staging((long)Math.Max(outputCount, _jacobianRows) * count);
        Read(stream, Outputs, columns[..(outputCount * count)], outputs, outputCount, count);
        Read(stream, Jacobians, columns[..(_jacobianRows * count)], jacobians, _jacobianRows, count);
    }

    /// <summary>Copies <paramref name="rows"/> device rows of <paramref name="count"/> points into per-point order.</summary>
    private static void Read(AcceleratorStream stream, ArrayView<double> view, Span<double> rowsByPoint, Span<double> target, int rows, int count)
    {
        view.AsDense().CopyToCPU(stream, rowsByPoint);
        Transpose(rowsByPoint, target, rows, count);
    }

    public void Dispose()
    {
        DisposeBuffers();
        _noData?.Dispose();
    }

    /// <summary>Host scratch of at least <paramref name="length"/> values, grown (and counted) when too small.</summary>
    private Span<double> Staging(long length)
    {
        if (_staging.Length < length)
        {
            _staging = new double[Math.Max(length, (long)Math.Max(inputCount + dataCount, Math.Max(outputCount, _jacobianRows)) * Capacity)];
            Allocations++;
        }
        return _staging.AsSpan(0, (int)length);
    }

    /// <summary>Writes the <paramref name="rows"/>×<paramref name="columns"/> matrix <paramref name="source"/> transposed.</summary>
    private static void Transpose(ReadOnlySpan<double> source, Span<double> target, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                target[c * rows + r] = source[r * columns + c];
    }

    private void DisposeBuffers()
    {
        _inputs?.Dispose();
        _data?.Dispose();
        _outputs?.Dispose();
        _jacobians?.Dispose();
    }
}
