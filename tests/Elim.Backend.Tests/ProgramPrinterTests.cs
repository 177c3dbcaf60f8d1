using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>The text twin shows exactly what the IL computes.</summary>
public class ProgramPrinterTests
{
    [Fact]
    public void ASmallProgramPrintsAsExpected()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        var product = builder.Apply(OpKind.Mul, SourceSpan.None, x, y);
        var sine = builder.Apply(OpKind.Sin, SourceSpan.None, product);
        builder.MarkOutput("z", builder.Apply(OpKind.Sub, SourceSpan.None, sine, x));
        var graph = builder.Build();
        string text = Compile.Jacobian(graph, StandardOrders.Reverse(graph)).Dump();
        // z = sin(x·y) − x by reverse mode: J = (cos(xy)·y − 1, cos(xy)·x); the −1 is added, not multiplied.
        Assert.Equal("""
            // 2 inputs, 1 outputs, 2 Jacobian entries; 9 instructions in 4 registers; emitted cost 2, Markowitz cost 3
            r0 = x[0]
            r1 = x[1]
            r2 = mul r0, r1
            r3 = sin r2
            r2 = cos r2
            r3 = sub r3, r0
            y[0] = r3
            r1 = mul r2, r1
            r1 = add -1, r1
            J[0,0] = r1
            r0 = mul r2, r0
            J[0,1] = r0
            """.ReplaceLineEndings("\n") + "\n", text);
    }

    [Fact]
    public void AVariableExponentsPowerSharesItsLogarithmWithTheExponentPartial()
    {
        var graph = TaskGraphs.PowerOfTwoInputs();
        string text = Compile.Jacobian(graph, StandardOrders.Forward(graph)).Dump();
        // One ln a serves the power (e^(b·ln a) in vector code) and ∂r/∂b = ln a · r.
        Assert.Equal("""
            // 2 inputs, 1 outputs, 2 Jacobian entries; 7 instructions in 4 registers; emitted cost 0, Markowitz cost 0
            r0 = x[0]
            r1 = x[1]
            r2 = log r0
            r3 = powfromlog r0, r1, r2
            y[0] = r3
            r1 = powbaseslope r0, r1, r3
            J[0,0] = r1
            r3 = mul r2, r3
            r3 = zerowherezero r0, r3
            J[0,1] = r3
            """.ReplaceLineEndings("\n") + "\n", text);
    }

    [Fact]
    public void APrimalAloneTakesThePlainPowerWithoutTheLogarithm()
    {
        var graph = TaskGraphs.PowerOfTwoInputs();
        var primal = JacobianCompiler.CompilePrimal(graph, new Cache.CodeCache(capacity: 4));
        // No partials to share ln a with: scalar code would compute it for nothing.
        Assert.Equal("""
            // 2 inputs, 1 outputs, 0 Jacobian entries; 3 instructions in 2 registers; emitted cost 0, Markowitz cost 0
            r0 = x[0]
            r1 = x[1]
            r1 = pow r0, r1
            y[0] = r1
            """.ReplaceLineEndings("\n") + "\n", primal.Dump());
    }
}
