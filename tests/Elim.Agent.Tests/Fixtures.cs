using Elim.Graph;
using Elim.Search.Agent.Network;
using Elim.Search.Game;
using Elim.Testing;
using static TorchSharp.torch;

namespace Elim.Agent.Tests;

/// <summary>Shared helpers: seeded untrained networks, random graphs and random partial elimination orders.</summary>
internal static class Fixtures
{
    /// <summary>A freshly initialized network from torch seed <paramref name="seed"/>.</summary>
    public static PolicyValueNet Network(int seed = 7, NetworkShape? shape = null)
    {
        set_num_threads(1);
        random.manual_seed(seed);
        var net = new PolicyValueNet(shape ?? new NetworkShape(16, 2));
        net.eval();
        return net;
    }

    /// <summary>A random graph of Elim.Testing.</summary>
    public static ComputationalGraph Graph(int seed, int inputs = 4, int vertices = 20) => RandomGraphs.Create(seed, inputs, vertices);

    /// <summary>Eliminates a random <paramref name="fraction"/> of the eliminable vertices in a random order.</summary>
    public static void EliminateRandomPrefix(EliminationGame game, Random random, double fraction)
    {
        int steps = (int)(game.EliminableCount * fraction);
        for (int s = 0; s < steps && !game.IsComplete; s++) game.Eliminate(game.Remaining[random.Next(game.Remaining.Length)]);
    }
}
