using TorchSharp;

namespace Elim.TorchOracle.Tests;

/// <summary>The native TorchSharp library loads (see Directory.Build.targets) and computes.</summary>
public sealed class NativeLoadTests
{
    [Fact]
    public void CreatesAFloat64TensorAndReadsItBack()
    {
        using var tensor = torch.tensor(new[] { 1.5, -2.0, 4.0 }, dtype: torch.float64);
        using var doubled = tensor * 2;
        Assert.Equal(new[] { 3.0, -4.0, 8.0 }, doubled.data<double>().ToArray());
    }
}
