using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Lowering;
using Elim.Gpu.Emit;
using Elim.Graph;

namespace Elim.Gpu.Tests;

/// <summary>
/// Kernels never convert a comparison's result with <c>conv.r8</c>: ILGPU 1.5.3's PTX backend turns that into the bit
/// pattern 1 instead of 1.0 (seen on an H200: abs' derivative came out 0). The CPU accelerator runs either form
/// correctly, so this looks at the emitted IL itself.
/// </summary>
public class KernelComparisonTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static readonly HashSet<short> Comparisons = [OpCodes.Ceq.Value, OpCodes.Cgt.Value, OpCodes.Cgt_Un.Value, OpCodes.Clt.Value, OpCodes.Clt_Un.Value];

    [Fact]
    public void NoComparisonResultIsConvertedToDouble()
    {
        var builder = new GraphBuilder("comparisons");
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        builder.MarkOutput("magnitude", builder.Apply(OpKind.Abs, SourceSpan.None, x));
        foreach (var kind in new[] { OpKind.Less, OpKind.LessEqual, OpKind.Equal, OpKind.NotEqual })
            builder.MarkOutput(kind.ToString(), builder.Apply(OpKind.Mul, SourceSpan.None, builder.Apply(kind, SourceSpan.None, x, y), y));
        var graph = builder.Build();
        var kernel = GpuKernelEmitter.Emit(ProgramLowering.Jacobian(graph, StandardOrders.Forward(graph)), "comparisons");

        var opcodes = Decode(kernel.GetMethodBody()!.GetILAsByteArray()!).ToList();

        Assert.Contains(opcodes, o => o == OpCodes.Blt || o == OpCodes.Bgt_Un || o == OpCodes.Beq);   // the comparisons are there
        for (int k = 1; k < opcodes.Count; k++)
            Assert.False(opcodes[k] == OpCodes.Conv_R8 && Comparisons.Contains(opcodes[k - 1].Value), $"{opcodes[k - 1]} then conv.r8 at opcode {k}");
    }

    /// <summary>The opcodes of an IL body in order, operands skipped.</summary>
    private static IEnumerable<OpCode> Decode(byte[] il)
    {
        for (int k = 0; k < il.Length;)
        {
            short value = il[k] == 0xFE ? (short)(0xFE00 | il[k + 1]) : il[k];
            var opcode = OpCodesByValue[value];
            k += opcode.Size + OperandSize(opcode, il, k + opcode.Size);
            yield return opcode;
        }
    }

    private static int OperandSize(OpCode opcode, byte[] il, int at) => opcode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
