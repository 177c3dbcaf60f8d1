namespace Elim.GradBench;

/// <summary>
/// Splits <c>count</c> items into chunks of at most <see cref="Size"/> and runs them on one thread (in order)
/// or on up to <c>threads</c> threads, each with its own scratch buffers.
/// </summary>
internal static class Chunks
{
    /// <summary>Points per batch: the batch's inputs and Jacobians stay in the core's L2 cache.</summary>
    public const int Size = 512;

    public static void Run<TScratch>(int count, int threads, Func<TScratch> scratch, Action<int, int, TScratch> chunk)
    {
        var chunks = (count + Size - 1) / Size;
        if (threads <= 1 || chunks <= 1)
        {
            var s = scratch();
            for (var c = 0; c < chunks; c++) chunk(c * Size, Math.Min(Size, count - c * Size), s);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, scratch,
            (c, _, s) => { chunk(c * Size, Math.Min(Size, count - c * Size), s); return s; }, _ => { });
    }
}
