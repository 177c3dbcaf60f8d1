using Elim.Graph;
using Elim.Testing;

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

        Agreement.Check(gpu, cpu, OpPoints.Of(kind, arity), kind.ToString());
    }
}
