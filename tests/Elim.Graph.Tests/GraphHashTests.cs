using Elim.Graph;
using Elim.Testing;

namespace Elim.Graph.Tests;

public class GraphHashTests
{
    private static ComputationalGraph Build(string inputName, double constant, int exponent, OpKind op)
    {
        var builder = new GraphBuilder("h_" + inputName);
        var x = builder.AddInput(inputName);
        var scaled = builder.Apply(OpKind.Mul, SourceSpan.None, Operand.Constant(constant), x);
        var power = builder.IntegerPower(scaled, exponent, SourceSpan.None);
        builder.MarkOutput(inputName + "_out", builder.Apply(op, SourceSpan.None, power, x));
        return builder.Build();
    }

    [Fact]
    public void StructuralHashIgnoresNamesConstantsAndExponents()
    {
        var a = Build("x", 2, 2, OpKind.Add);
        Assert.Equal(GraphHash.Structural(a), GraphHash.Structural(Build("renamed", 3, 5, OpKind.Add)));
        Assert.Equal(GraphHash.Content(a), GraphHash.Content(Build("renamed", 2, 2, OpKind.Add)));
        Assert.NotEqual(GraphHash.Content(a), GraphHash.Content(Build("x", 3, 2, OpKind.Add)));
        Assert.NotEqual(GraphHash.Content(a), GraphHash.Content(Build("x", 2, 3, OpKind.Add)));
        Assert.NotEqual(GraphHash.Structural(a), GraphHash.Structural(Build("x", 2, 2, OpKind.Mul)));
    }

    [Fact]
    public void HashIsStableAndSeparatesRandomGraphs()
    {
        var hashes = new HashSet<string>();
        for (int seed = 0; seed < 200; seed++)
        {
            string hash = GraphHash.Structural(RandomGraphs.Create(seed, 3, 20));
            Assert.Equal(hash, GraphHash.Structural(RandomGraphs.Create(seed, 3, 20)));
            Assert.Matches("^[0-9a-f]{16}$", hash);
            hashes.Add(hash);
        }
        Assert.True(hashes.Count > 195, $"only {hashes.Count} distinct hashes for 200 random graphs");
    }
}
