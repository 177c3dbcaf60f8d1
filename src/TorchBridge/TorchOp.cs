using TorchSharp;

namespace Elim.TorchBridge;

/// <summary>
/// Applies one primitive operation to float64 tensors with torch: <paramref name="a"/> and
/// <paramref name="b"/> are the operand values (b is null for unary operations), shaped alike or
/// broadcastable (a constant is a 0-dimensional tensor); <paramref name="exponent"/> is the integer
/// exponent of <see cref="Elim.Graph.OpKind.IntegerPow"/>.
/// </summary>
public delegate torch.Tensor TorchOp(torch.Tensor a, torch.Tensor? b, int exponent);
