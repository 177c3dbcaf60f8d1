using System.Runtime.ExceptionServices;

namespace Elim.Frontend;

/// <summary>
/// Runs work on a thread with a large stack: parsing, lowering and printing recurse as deep as the
/// input nests, and a stack overflow would end the process instead of giving a diagnostic.
/// </summary>
internal static class LargeStack
{
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>The result of <paramref name="work"/>, or its exception rethrown on the calling thread.</summary>
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
