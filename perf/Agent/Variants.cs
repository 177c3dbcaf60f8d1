using System.Globalization;
using Elim.Frontend;
using Elim.Search;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;

namespace Elim.Agent.Perf;

/// <summary>One task, one budget: alphazero with rollouts, alphazero with the value head, plain mcts and anneal.</summary>
internal static class Variants
{
    public static int Run(string modelPath, string example, string seconds)
    {
        TorchSharp.torch.set_num_threads(1);
        var net = InferenceNetwork.Load(modelPath);
        var graph = ElimFrontend.CompileFile(example);
        var budget = SearchBudget.OfTime(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));
        (string Name, ISearchMethod Method)[] methods =
        [
            ("alphazero (rollouts)", new AlphaZeroSearch(() => net, CostModel.Markowitz, Environment.ProcessorCount, useValue: false)),
            ("alphazero (value head)", new AlphaZeroSearch(() => net, CostModel.Markowitz, Environment.ProcessorCount, useValue: true)),
            ("mcts", SearchMethods.Create("mcts")),
            ("anneal", SearchMethods.Create("anneal")),
        ];
        foreach (var (name, method) in methods)
        {
            var result = method.Search(graph, budget, 1, null, default);
            Console.WriteLine($"{name}: {result.Cost} ({result.Evaluations} iterations)");
        }
        return 0;
    }
}
