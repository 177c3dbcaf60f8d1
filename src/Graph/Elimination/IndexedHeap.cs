namespace Elim.Graph;

/// <summary>
/// A binary min-heap of vertex ids whose keys change: setting a key moves the id to its new place, so the heap holds
/// each remaining vertex once (where a queue of stale entries grows with every rescoring and pops them all again).
/// The keys sit in the heap beside their ids, so a sift reads one array.
/// </summary>
internal sealed class IndexedHeap<TKey> where TKey : struct, IComparable<TKey>
{
    private const int Absent = -1;

    private readonly (TKey Key, int Id)[] _entries;
    private readonly int[] _position;           // per id: its index in _entries, or Absent
    private int _count;

    /// <summary>An empty heap for ids 0 to <paramref name="maxId"/>.</summary>
    public IndexedHeap(int maxId)
    {
        _entries = new (TKey, int)[maxId + 1];
        _position = new int[maxId + 1];
        Array.Fill(_position, Absent);
    }

    /// <summary>Adds <paramref name="id"/> with <paramref name="key"/>, or changes its key.</summary>
    public void Set(int id, TKey key)
    {
        int at = _position[id];
        if (at == Absent)
        {
            at = _count++;
        }
        else
        {
            int order = key.CompareTo(_entries[at].Key);
            if (order == 0) return;
            if (order > 0)
            {
                SiftDown(at, (key, id));
                return;
            }
        }
        SiftUp(at, (key, id));
    }

    /// <summary>Removes and returns the id with the smallest key (the heap must not be empty).</summary>
    public int Pop()
    {
        int top = _entries[0].Id;
        _position[top] = Absent;
        var last = _entries[--_count];
        if (_count > 0) SiftDown(0, last);
        return top;
    }

    // Puts entry at index at or above it, moving larger parents down.
    private void SiftUp(int at, (TKey Key, int Id) entry)
    {
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (entry.Key.CompareTo(_entries[parent].Key) >= 0) break;
            Place(at, _entries[parent]);
            at = parent;
        }
        Place(at, entry);
    }

    // Puts entry at index at or below it, moving smaller children up.
    private void SiftDown(int at, (TKey Key, int Id) entry)
    {
        while (true)
        {
            int child = 2 * at + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _entries[child + 1].Key.CompareTo(_entries[child].Key) < 0) child++;
            if (entry.Key.CompareTo(_entries[child].Key) <= 0) break;
            Place(at, _entries[child]);
            at = child;
        }
        Place(at, entry);
    }

    private void Place(int at, (TKey Key, int Id) entry)
    {
        _entries[at] = entry;
        _position[entry.Id] = at;
    }
}
