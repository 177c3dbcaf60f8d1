using System.Text.Json.Nodes;
using Elim.Graph;

namespace Elim.Testing;

/// <summary>The elimination orders published with the paper (tests/data/alphagrad-orders.json): test data only.</summary>
public static class ReferenceOrders
{
    private static readonly JsonNode Notebooks =
        JsonNode.Parse(File.ReadAllText(Repository.PathOf("tests/data/alphagrad-orders.json")))!["alphagrad_notebooks"]!;

    /// <summary>The order AlphaGrad found for <paramref name="task"/>.</summary>
    public static EliminationOrder AlphaGrad(PaperTask task) => Read(task, "order");

    /// <summary>The minimal-Markowitz order the paper's code computed for <paramref name="task"/>.</summary>
    public static EliminationOrder MinimalMarkowitz(PaperTask task) => Read(task, "mM_order");

    private static EliminationOrder Read(PaperTask task, string key) =>
        new(Notebooks[task.Name]![key]!.AsArray().Select(id => id!.GetValue<int>()));
}
