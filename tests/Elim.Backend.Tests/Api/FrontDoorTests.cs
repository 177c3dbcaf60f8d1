using Elim.Testing;

namespace Elim.Backend.Tests.Api;

/// <summary>One <c>using Elim;</c> is the front door: what compiling and evaluating a function needs lives in namespace Elim.</summary>
public class FrontDoorTests
{
    [Fact]
    public void TheTypesOfTheQuickPathAreInNamespaceElim()
    {
        Type[] quickPath = [typeof(Jacobians), typeof(CompileOptions), typeof(OrderSource), typeof(JacobianFunction), typeof(PrimalFunction), typeof(BatchLayout)];
        Assert.All(quickPath, type => Assert.Equal("Elim", type.Namespace));
    }

    [Fact]
    public void TheQuickStartSampleImportsNoInnerNamespace()
    {
        string sample = File.ReadAllText(Repository.PathOf("samples/QuickStart/QuickStart.cs"));
        Assert.DoesNotMatch(@"using Elim\.", sample);
    }
}
