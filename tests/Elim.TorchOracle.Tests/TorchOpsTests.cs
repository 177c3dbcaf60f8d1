using Elim.Graph;
using Elim.TorchBridge;

namespace Elim.TorchOracle.Tests;

public sealed class TorchOpsTests
{
    [Fact]
    public void EveryOpKindHasATorchOperation()
    {
        var missing = Enum.GetValues<OpKind>().Where(kind => !TorchOps.Has(kind)).ToArray();
        Assert.Empty(missing);
    }
}
