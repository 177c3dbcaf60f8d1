using Elim.Search.Game;

namespace Elim.Search.Tests;

public class EdgeSetTests
{
    private const int Keys = 3000;   // few distinct keys: long probe runs, many removals inside them

    // A key range up to the limit is held as bits, a larger one hashed; both must behave as a set.
    [Theory]
    [InlineData(1, Keys, true)]
    [InlineData(2, EdgeSet.DenseKeyLimit, true)]
    [InlineData(1, EdgeSet.DenseKeyLimit + 1, false)]
    [InlineData(2, long.MaxValue, false)]
    [InlineData(3, long.MaxValue, false)]
    public void Random_adds_and_removes_agree_with_a_hash_set(int seed, long keyRange, bool dense)
    {
        var random = new Random(seed);
        var set = new EdgeSet(4, keyRange);
        Assert.Equal(dense, set.IsDense);
        var reference = new HashSet<long>();
        for (int step = 0; step < 200_000; step++)
        {
            long key = random.Next(Keys);
            bool added = random.Next(3) > 0;
            Assert.Equal(added ? reference.Add(key) : reference.Remove(key), added ? set.Add(key) : set.Remove(key));
            if (step % 1000 == 0) Assert.All(Enumerable.Range(0, Keys), k => Assert.Equal(reference.Contains(k), set.Contains(k)));
        }
        Assert.Equal(reference.Count, set.Count);
        set.Clear();
        Assert.Equal(0, set.Count);
        Assert.DoesNotContain(Enumerable.Range(0, Keys), k => set.Contains(k));
    }
}
