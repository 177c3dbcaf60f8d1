using System.Runtime.Intrinsics.X86;

namespace Elim.Search.Game;

/// <summary>
/// A set of edge keys (non-negative longs) for the game's hot loop: open addressing with linear probing in a
/// power-of-two table at most half full, a multiplicative hash, and backward-shift deletion (no tombstones,
/// so a table that grows and shrinks under play and undo keeps short probes). Several times cheaper per
/// lookup than <see cref="HashSet{T}"/>, which the game does |P|·|S| times a step; no allocation once grown.
/// </summary>
internal sealed class EdgeSet
{
    private const long Empty = -1;

    private long[] _slots;
    private int _mask;

    public EdgeSet(int capacity)
    {
        int size = 16;
        while (size < 2 * capacity) size *= 2;
        _slots = new long[size];
        Array.Fill(_slots, Empty);
        _mask = size - 1;
    }

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    public bool Contains(long key)
    {
        for (int i = Home(key); ; i = (i + 1) & _mask)
        {
            long slot = _slots[i];
            if (slot == key) return true;
            if (slot == Empty) return false;
        }
    }

    /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
    public bool Add(long key)
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
        Array.Fill(_slots, Empty);
        Count = 0;
    }

    /// <summary>Removes <paramref name="key"/>; false when it was not there.</summary>
    public bool Remove(long key)
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
        if (!Sse.IsSupported) return;
        fixed (long* slots = _slots) Sse.Prefetch0(slots + Home(key));
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
