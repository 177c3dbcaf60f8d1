using Elim.Graph;

namespace Elim.Gpu.Tests;

/// <summary>Every operation alone, as a kernel, gives the CPU backend's outputs and partials (domain conventions included).</summary>
[Collection(DeviceCollection.Name)]
public class OpKernelTests(DeviceFixture fixture)
{
    public static TheoryData<OpKind> Kinds() => new(Enum.GetValues<OpKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SingleOperationMatchesTheCpuBackend(OpKind kind)
    {
        int arity = kind == OpKind.IntegerPow ? 1 : OpRules.Of(kind).Arity;
        var builder = new GraphBuilder(kind.ToString());
        var inputs = Enumerable.Range(0, arity).Select(i => builder.AddInput($"x{i}")).ToArray();
        Operand result = kind switch
        {
            OpKind.IntegerPow => builder.IntegerPower(inputs[0], 3, SourceSpan.None),
            OpKind.Copy => builder.Copy(inputs[0], SourceSpan.None),
            _ => builder.Apply(kind, SourceSpan.None, inputs),
        };
        builder.MarkOutput("y", result);
        var graph = builder.Build();
        var cpu = fixture.CompileCpu(graph, StandardOrders.Forward(graph));
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);

        Agreement.Check(gpu, cpu, Points(kind, arity), kind.ToString());
    }

    /// <summary>Points inside the domain, plus the edges where conventions apply (0 for abs/pow, ties for min/max).</summary>
    private static double[][] Points(OpKind kind, int arity)
    {
        double[][] points = kind switch
        {
            OpKind.Asin or OpKind.Acos or OpKind.Atanh => [[0.3], [-0.7], [0.0]],
            OpKind.Acosh => [[1.5], [3.0]],
            OpKind.Log or OpKind.Sqrt => [[0.4], [2.5], [0.0]],
            OpKind.Log1p => [[1e-10], [-0.5], [3.0]],
            OpKind.Abs => [[0.0], [-2.0], [3.5]],
            OpKind.Erf => [[0.0], [-0.4], [1.3], [7.0]],
            OpKind.Pow => [[0.0, 2.5], [1.7, 0.0], [2.2, -1.3], [0.5, 3.0]],
            OpKind.Min or OpKind.Max => [[1.0, 2.0], [2.0, 1.0], [1.5, 1.5], [-0.0, 0.0]],
            OpKind.Div => [[1.0, 3.0], [-2.0, 0.5]],
            OpKind.Atan2 => [[1.0, 2.0], [-1.0, -0.5], [0.3, 0.0]],
            _ => [[0.3, -0.8], [-1.2, 0.6], [2.0, 1.5], [double.NaN, 1.0]],
        };
        return points.Select(p => p[..arity]).ToArray();
    }
}
