using Elim.Graph;

namespace Elim.Search.Agent.Training;

/// <summary>
/// What the next self-play game is played on: one of the real training programs with probability
/// <see cref="TrainingOptions.ProgramShare"/>, otherwise a generated program. Generated programs are mostly small
/// (<see cref="TrainingOptions.MinVertices"/> to <see cref="TrainingOptions.SmallMaxVertices"/>, cheap games that teach
/// the local rules); with probability <see cref="TrainingOptions.LargeShare"/> one is large, its size log-uniform up to
/// <see cref="TrainingOptions.MaxVertices"/>, because a self-play game costs about the square of its size and a
/// uniform draw would spend nearly all the time on the few largest graphs.
/// </summary>
public sealed class Curriculum(TrainingOptions options)
{
    /// <summary>The next graph to play, drawn from <paramref name="random"/>.</summary>
    public ComputationalGraph Next(AgentRandom random)
    {
        if (options.Programs.Count > 0 && random.NextDouble() < options.ProgramShare) return options.Programs[random.Next(options.Programs.Count)];
        return Generated(random, options);
    }

    /// <summary>A generated program from the size distribution of <paramref name="options"/>.</summary>
    public static ComputationalGraph Generated(AgentRandom random, TrainingOptions options)
    {
        if (options.MaxVertices <= options.SmallMaxVertices || random.NextDouble() >= options.LargeShare)
            return RandomPrograms.Generate(random, options.MinVertices, Math.Min(options.SmallMaxVertices, options.MaxVertices));
        int vertices = (int)Math.Round(options.SmallMaxVertices * Math.Pow(options.MaxVertices / (double)options.SmallMaxVertices, random.NextDouble()));
        return RandomPrograms.Generate(random, vertices, vertices);
    }
}
