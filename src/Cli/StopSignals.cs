using System.Runtime.InteropServices;

namespace Elim.Cli;

/// <summary>
/// While alive, Ctrl-C (SIGINT) and SIGTERM (what <c>kill</c>, <c>timeout</c> and job schedulers send) cancel
/// <paramref name="cancel"/> instead of ending the process, so that long work stops cleanly: a search keeps its best
/// order and saves its checkpoint. (A job started in the background by a script ignores SIGINT: SIGTERM still reaches it.)
/// </summary>
internal sealed class StopSignals(CancellationTokenSource cancel) : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        }))];

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}
