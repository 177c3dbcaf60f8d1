using System.Runtime.InteropServices;

namespace Elim.Cli.Tests;

public sealed class StopSignalsTests
{
    [Fact]
    public void Sigterm_cancels_the_work_instead_of_ending_the_process()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var cancel = new CancellationTokenSource();
        using (new StopSignals(cancel))
        {
            Assert.Equal(0, Kill(Environment.ProcessId, Sigterm));
            Assert.True(cancel.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "SIGTERM did not cancel");
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
