using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Elim.Search.Game;

/// <summary>
/// A set of edge keys (non-negative longs below a known range) for the game's hot loop. Where the range is small
/// (a graph of up to about 5,800 nodes) it is a bit per possible key: a lookup, add or remove is one word. Else
/// open addressing with linear probing in a power-of-two table at most half full, a multiplicative hash, and
/// backward-shift deletion (no tombstones, so a table that grows and shrinks under play and undo keeps short
/// probes), several times cheaper per lookup than <see cref="HashSet{T}"/>. The game looks up |P|·|S| keys a
/// step; no allocation once grown.
/// </summary>
internal sealed class EdgeSet
{
    /// <summary>
    /// The largest key range held as bits (4 MB, a graph of about 5,800 nodes): up to there the bits measured faster
    /// than the hashed set, the encoder example's graph (near the limit) included; perf/results/search-game.md and the
    /// changelog have the figures.
    /// </summary>
    internal const long DenseKeyLimit = 1L << 25;

    private const long Empty = -1;

    private readonly ulong[]? _bits;            // bit per key, when the range allows
    private long[] _slots = [];
    private int _mask;

    /// <summary>A set for keys in [0, <paramref name="keyRange"/>), sized for about <paramref name="capacity"/> of them.</summary>
    public EdgeSet(int capacity, long keyRange)
    {
        if (keyRange <= DenseKeyLimit)
        {
            _bits = new ulong[(keyRange + 63) / 64];
            return;
        }
        int size = 16;
        while (size < 2 * capacity) size *= 2;
        _slots = new long[size];
        Array.Fill(_slots, Empty);
        _mask = size - 1;
    }

    /// <summary>Whether the keys are held as bits (else hashed).</summary>
    internal bool IsDense => _bits is not null;

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    // The three lookups inline into the game's loops with their bit paths; the hashed paths stay calls.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(long key) => _bits is not null ? (_bits[key >> 6] & (1UL << (int)key)) != 0 : HashedContains(key);

    /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(long key) => _bits is not null ? SetBit(key, true) : HashedAdd(key);

    /// <summary>Removes <paramref name="key"/>; false when it was not there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Remove(long key) => _bits is not null ? SetBit(key, false) : HashedRemove(key);

    private bool HashedContains(long key)
    {
        for (int i = Home(key); ; i = (i + 1) & _mask)
        {
            long slot = _slots[i];
            if (slot == key) return true;
            if (slot == Empty) return false;
        }
    }

    private bool HashedAdd(long key)
    {
        if (2 * (Count + 1) > _slots.Length) Grow();
        int i = Home(key);
        for (; _slots[i] != Empty; i = (i + 1) & _mask)
        {
            if (_slots[i] == key) return false;
        }
        _slots[i] = key;
        Count++;
        return true;
    }

    /// <summary>Removes every key (keeping the slots it has grown to).</summary>
    public void Clear()
    {
        if (_bits is not null) Array.Clear(_bits);
        else Array.Fill(_slots, Empty);
        Count = 0;
    }

    private bool HashedRemove(long key)
    {
        int i = Home(key);
        for (; _slots[i] != key; i = (i + 1) & _mask)
        {
            if (_slots[i] == Empty) return false;
        }
        // Backward shift: move later keys of the probe run into the hole unless that would put one before its home.
        for (int j = (i + 1) & _mask; _slots[j] != Empty; j = (j + 1) & _mask)
        {
            int home = Home(_slots[j]);
            bool homeInHoleToJ = i <= j ? i < home && home <= j : i < home || home <= j;
            if (homeInHoleToJ) continue;
            _slots[i] = _slots[j];
            i = j;
        }
        _slots[i] = Empty;
        Count--;
        return true;
    }

    /// <summary>Starts loading the slot where <paramref name="key"/> would be, so that a later lookup finds it in cache (x86 only).</summary>
    public unsafe void Prefetch(long key)
    {
        if (!Sse.IsSupported || _bits is not null) return;   // bits: a single word, not prefetched (not measured to help)
        fixed (long* slots = _slots) Sse.Prefetch0(slots + Home(key));
    }

    // Sets or clears the key's bit; false when it already was as asked.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SetBit(long key, bool present)
    {
        ref ulong word = ref _bits![key >> 6];
        ulong bit = 1UL << (int)key;
        if (((word & bit) != 0) == present) return false;
        word ^= bit;
        Count += present ? 1 : -1;
        return true;
    }

    private int Home(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32) & _mask;

    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        Array.Fill(_slots, Empty);
        _mask = _slots.Length - 1;
        Count = 0;
        foreach (long key in old)
        {
            if (key != Empty) Add(key);
        }
    }
}
