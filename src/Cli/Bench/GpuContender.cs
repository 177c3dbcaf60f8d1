using Elim.Backend;
using Elim.Gpu;
using Elim.Gpu.Devices;

namespace Elim.Cli.Bench;

/// <summary>
/// Elim's best-order Jacobian as an ILGPU kernel on <c>--device</c>, named <c>elim-best-DEVICE</c>: host spans in the
/// per-point layout in and out, so the time includes the copies and transposes a caller with host data pays.
/// </summary>
public sealed class GpuContender(GpuDevice device) : IBenchContender, IDisposable
{
    private GpuJacobian? _kernel;

    public string Name => "elim-best-" + DeviceKinds.NameOf(device.Kind);

    public (Action Run, int Points) Prepare(BenchCase bench)
    {
        var function = JacobianCompiler.Compile(bench.Graph, bench.Best.Order);
        _kernel?.Dispose();
        var kernel = _kernel = GpuJacobian.Create(device, function);
        var outputs = new double[bench.Batch * function.OutputCount];
        var jacobians = new double[outputs.Length * function.InputCount];
        return (() => kernel.Evaluate(bench.Inputs, bench.Data, outputs, jacobians, bench.Batch, BatchLayout.PerPoint), bench.Batch);
    }

    public void Dispose() => _kernel?.Dispose();
}
