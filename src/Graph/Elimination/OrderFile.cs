using System.Text.Json;
using System.Text.Json.Nodes;

namespace Elim.Graph;

/// <summary>
/// An order file: <c>{"function", "graphHash", "order", "cost", "method"}</c>, optionally with <c>"measured"</c> (how fast
/// <c>elim tune</c> found its compiled code: <see cref="OrderMeasurement"/>), or a bare JSON array of 1-based vertex ids.
/// </summary>
public sealed record OrderFile(string? Function, string? GraphHash, EliminationOrder Order, long? Cost, string? Method)
{
    /// <summary>How fast the order ran where it was measured; null for an order known only by its cost.</summary>
    public OrderMeasurement? Measured { get; init; }

    /// <summary>An order file for <paramref name="order"/> on <paramref name="graph"/>, with its Markowitz cost.</summary>
    public static OrderFile For(ComputationalGraph graph, EliminationOrder order, string method) =>
        For(graph, order, method, MarkowitzCost.Of(graph, order));

    /// <summary>
    /// An order file for <paramref name="order"/> on <paramref name="graph"/> whose Markowitz cost is already known
    /// (a search under the Markowitz cost model has it; eliminating again takes seconds on a big graph).
    /// </summary>
    public static OrderFile For(ComputationalGraph graph, EliminationOrder order, string method, long markowitzCost) =>
        new(graph.Name, Graph.GraphHash.Structural(graph), order, markowitzCost, method);

    /// <summary>Writes the file as indented JSON.</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["function"] = Function,
            ["graphHash"] = GraphHash,
            ["order"] = new JsonArray([.. Order.VertexIds.Select(id => (JsonNode)id)]),
            ["cost"] = Cost,
            ["method"] = Method,
        };
        if (Measured is { } m)
        {
            json["measured"] = new JsonObject
            {
                ["secondsPerPoint"] = m.SecondsPerPoint,
                ["minSecondsPerPoint"] = m.MinSecondsPerPoint,
                ["maxSecondsPerPoint"] = m.MaxSecondsPerPoint,
                ["batch"] = m.Batch,
                ["threads"] = m.Threads,
                ["machine"] = m.Machine,
            };
        }
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="InvalidOrderException"/> with the reason.</summary>
    public static OrderFile Parse(string text)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException e) { throw new InvalidOrderException($"The order file is not valid JSON: {JsonProblem.Describe(e)}."); }
        return root switch
        {
            JsonArray array => new OrderFile(null, null, new EliminationOrder(ReadIds(array)), null, null),
            JsonObject obj => new OrderFile(
                ReadString(obj, "function"), ReadString(obj, "graphHash"),
                new EliminationOrder(ReadIds(obj["order"] as JsonArray
                    ?? throw new InvalidOrderException("The order file has no \"order\" array of vertex ids."))),
                obj["cost"] is JsonValue cost && cost.TryGetValue(out long c) ? c : null,
                ReadString(obj, "method")) { Measured = ReadMeasurement(obj["measured"] as JsonObject) },
            _ => throw new InvalidOrderException("An order file is a JSON array of vertex ids or an object with an \"order\" array."),
        };
    }

    /// <summary>Throws if the file names another graph than <paramref name="graph"/>, then validates the order.</summary>
    public void CheckFits(ComputationalGraph graph)
    {
        string hash = Graph.GraphHash.Structural(graph);
        if (GraphHash is not null && GraphHash != hash)
            throw new InvalidOrderException(
                $"The order was made for another graph ({Function ?? "unnamed"}, hash {GraphHash}); '{graph.Name}' has hash {hash}.");
        Order.Validate(graph);
    }

    // An entry written before measurements existed has none; a measurement missing a field is read as none.
    private static OrderMeasurement? ReadMeasurement(JsonObject? obj)
    {
        if (obj is null) return null;
        double? Number(string key) => obj[key] is JsonValue value && value.TryGetValue(out double d) && double.IsFinite(d) && d > 0 ? d : null;
        return (Number("secondsPerPoint"), Number("minSecondsPerPoint"), Number("maxSecondsPerPoint"), Number("batch"), Number("threads"), ReadString(obj, "machine")) is
            ({ } median, { } min, { } max, { } batch, { } threads, { } machine)
            ? new OrderMeasurement(median, min, max, (int)batch, (int)threads, machine)
            : null;
    }

    private static string? ReadString(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue(out string? s) ? s : null;

    private static IEnumerable<int> ReadIds(JsonArray array) => array.Select((node, i) =>
        node is JsonValue value && value.TryGetValue(out int id)
            ? id
            : throw new InvalidOrderException($"Entry {i} of the order is not an integer vertex id: {node?.ToJsonString() ?? "null"}."));
}
