using Elim.Search.Game;

namespace Elim.Search.Tests;

public class EdgeSetTests
{
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void Random_adds_and_removes_agree_with_a_hash_set(int seed)
    {
        var random = new Random(seed);
        var set = new EdgeSet(4);
        var reference = new HashSet<long>();
        for (int step = 0; step < 200_000; step++)
        {
            long key = random.Next(3000);   // few distinct keys: long probe runs, many removals inside them
            bool added = random.Next(3) > 0;
            Assert.Equal(added ? reference.Add(key) : reference.Remove(key), added ? set.Add(key) : set.Remove(key));
            if (step % 1000 == 0) Assert.All(Enumerable.Range(0, 3000), k => Assert.Equal(reference.Contains(k), set.Contains(k)));
        }
        Assert.Equal(reference.Count, set.Count);
    }
}
