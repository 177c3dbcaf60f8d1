using TorchSharp;

namespace Elim.TorchBridge;

/// <summary>
/// Applies one primitive operation to float64 tensors with torch: <paramref name="a"/>, <paramref name="b"/>
/// and <paramref name="c"/> are the operand values (null beyond the operation's arity), shaped alike or
/// broadcastable (a constant is a 0-dimensional tensor); <paramref name="exponent"/> is the integer
/// exponent of <see cref="Elim.Graph.OpKind.IntegerPow"/>.
/// </summary>
public delegate torch.Tensor TorchOp(torch.Tensor a, torch.Tensor? b, torch.Tensor? c, int exponent);
