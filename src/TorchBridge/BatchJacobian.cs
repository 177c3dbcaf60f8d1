using static TorchSharp.torch;

namespace Elim.TorchBridge;

/// <summary>
/// The outputs and Jacobians of a graph at a batch of N points: <see cref="Values"/> is N×m and
/// <see cref="Jacobian"/> N×m×n (float64). Owns both tensors; dispose it to free them.
/// </summary>
public sealed record BatchJacobian(Tensor Values, Tensor Jacobian) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Values.Dispose();
        Jacobian.Dispose();
    }
}
