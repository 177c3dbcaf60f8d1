namespace Elim.Graph.Tests;

public class IndexedHeapTests
{
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void Random_key_changes_and_pops_agree_with_a_sorted_set(int seed)
    {
        const int ids = 500;
        var random = new Random(seed);
        var heap = new IndexedHeap<long>(ids);
        var keys = new Dictionary<int, long>();
        var reference = new SortedSet<(long Key, int Id)>();
        for (int step = 0; step < 50_000; step++)
        {
            if (reference.Count > 0 && random.Next(4) == 0)
            {
                var min = reference.Min;
                Assert.Equal(min.Id, heap.Pop());
                reference.Remove(min);
                keys.Remove(min.Id);
                continue;
            }
            int id = random.Next(ids + 1);
            // Distinct keys (the id breaks ties), so the smallest is unique; few values, so keys often stay the same.
            long key = random.Next(20) * (ids + 1L) + id;
            if (keys.TryGetValue(id, out long old)) reference.Remove((old, id));
            keys[id] = key;
            reference.Add((key, id));
            heap.Set(id, key);
        }
        while (reference.Count > 0)
        {
            var min = reference.Min;
            Assert.Equal(min.Id, heap.Pop());
            reference.Remove(min);
        }
    }
}
