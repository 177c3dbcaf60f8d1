using System.Collections.Concurrent;
using Elim.Backend.Cpu;

namespace Elim.Backend.Cache;

/// <summary>
/// A thread-safe, bounded cache of compiled code. The same key always yields the same
/// <see cref="CompiledCode"/> instance while it is cached; concurrent requests for a missing key build it
/// once (the others wait for that build). Beyond <see cref="Capacity"/> entries the least recently used
/// ones are dropped (their collectible assemblies are freed once nothing references them).
/// </summary>
public sealed class CodeCache
{
    private readonly ConcurrentDictionary<CacheKey, Entry> _entries = new();
    private readonly object _evictionGate = new();
    private long _clock;
    private long _builds;

    /// <summary>A cache holding at most <paramref name="capacity"/> compiled functions.</summary>
    public CodeCache(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The process-wide cache used when none is given.</summary>
    public static CodeCache Shared { get; } = new();

    /// <summary>The most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>Entries now cached.</summary>
    public int Count => _entries.Count;

    /// <summary>How many times code was actually built (misses) since this cache was created.</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>The cached code of <paramref name="key"/>, built by <paramref name="build"/> if missing.</summary>
    public CompiledCode GetOrAdd(CacheKey key, Func<CompiledCode> build)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry(new Lazy<CompiledCode>(() =>
        {
            Interlocked.Increment(ref _builds);
            return build();
        }, LazyThreadSafetyMode.ExecutionAndPublication)));
        Interlocked.Exchange(ref entry.LastUse, Interlocked.Increment(ref _clock));
        try
        {
            var code = entry.Code.Value;
            if (_entries.Count > Capacity) Evict();
            return code;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<CacheKey, Entry>(key, entry)); // a failed build is not cached
            throw;
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear() => _entries.Clear();

    private void Evict()
    {
        lock (_evictionGate)
        {
            while (_entries.Count > Capacity)
            {
                var oldest = _entries.MinBy(pair => Interlocked.Read(ref pair.Value.LastUse));
                _entries.TryRemove(oldest);
            }
        }
    }

    private sealed class Entry(Lazy<CompiledCode> code)
    {
        public readonly Lazy<CompiledCode> Code = code;
        public long LastUse;
    }
}
