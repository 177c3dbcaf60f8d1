using System.Runtime.CompilerServices;
using TorchSharp;

namespace Elim.TorchOracle.Tests;

/// <summary>
/// Runs torch on one intra-op thread in this test assembly. The tests' tensors are tiny, and a second
/// OpenMP thread only spin-waits beside the serial work: on the 2-core machine under load it cost 20×
/// the CPU time of one thread for a 100-point batch.
/// </summary>
internal static class TorchThreads
{
    [ModuleInitializer]
    internal static void UseOne() => torch.set_num_threads(1);
}
