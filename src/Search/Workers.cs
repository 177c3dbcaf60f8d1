namespace Elim.Search;

/// <summary>Runs independent search workers, one thread each, and derives their seeds.</summary>
internal static class Workers
{
    /// <summary>One worker per core.</summary>
    public static int DefaultCount => Environment.ProcessorCount;

    /// <summary>Runs <paramref name="body"/>(index) on <paramref name="count"/> threads and waits for all.</summary>
    public static void Run(int count, Action<int> body)
    {
        if (count == 1) { body(0); return; }
        var threads = new Thread[count];
        Exception? failure = null;
        for (int w = 0; w < count; w++)
        {
            int index = w;
            threads[w] = new Thread(() =>
            {
                try { body(index); }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, e, null); }
            }) { IsBackground = true, Name = $"elim-search-{index}" };
            threads[w].Start();
        }
        foreach (var thread in threads) thread.Join();
        if (failure is not null) throw new AggregateException("A search worker failed.", failure);
    }

    /// <summary>A seed for worker <paramref name="worker"/> of a search seeded with <paramref name="seed"/> (stable across runs).</summary>
    public static int Seed(int seed, int worker) => unchecked(seed * (int)0x9E3779B1 + (worker + 1) * (int)0x85EBCA77);

    /// <summary>Worker <paramref name="worker"/>'s share of an iteration budget, or null for none.</summary>
    public static long? Share(long? iterations, int worker, int count) =>
        iterations is long total ? total / count + (worker < total % count ? 1 : 0) : null;
}
