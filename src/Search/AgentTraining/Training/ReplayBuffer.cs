namespace Elim.Search.Agent.Training;

/// <summary>The most recent self-play positions, up to a capacity; the oldest are overwritten first.</summary>
public sealed class ReplayBuffer(int capacity)
{
    private readonly TrainingSample[] _samples = new TrainingSample[capacity];
    private int _next;

    /// <summary>How many positions it can hold.</summary>
    public int Capacity => capacity;

    /// <summary>How many it holds now.</summary>
    public int Count { get; private set; }

    /// <summary>How many were ever added (checkpointed as the buffer's metadata).</summary>
    public long TotalAdded { get; set; }

    /// <summary>Adds <paramref name="samples"/>.</summary>
    public void AddRange(IEnumerable<TrainingSample> samples)
    {
        foreach (var sample in samples)
        {
            _samples[_next] = sample;
            _next = (_next + 1) % capacity;
            Count = Math.Min(Count + 1, capacity);
            TotalAdded++;
        }
    }

    /// <summary><paramref name="size"/> positions drawn uniformly with replacement.</summary>
    public TrainingSample[] Sample(int size, AgentRandom random)
    {
        if (Count == 0) throw new InvalidOperationException("The replay buffer is empty.");
        var batch = new TrainingSample[size];
        for (int i = 0; i < size; i++) batch[i] = _samples[random.Next(Count)];
        return batch;
    }
}
