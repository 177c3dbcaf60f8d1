using System.Text.Json;
using System.Text.Json.Nodes;
using Elim.Graph;

namespace Elim.Search.Exact;

public sealed partial record ExactCheckpoint
{
    /// <summary>What the file's <c>"format"</c> says, so another JSON file is not mistaken for a checkpoint.</summary>
    public const string Format = "elim exact-search checkpoint";

    /// <summary>The version of the format this code writes and reads; a change of the candidate order or the file bumps it.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The checkpoint as indented JSON: format and version first, the long path and groups last.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Body(Format, FormatVersion, Function, GraphHash, Name(CostModel), Finished,
        new IncumbentBody(IncumbentCost, [.. Incumbent.VertexIds]), LowerBound, Nodes, Math.Round(Elapsed.TotalSeconds, 3), Runs,
        [.. Path], BoundGroups?.ToArray(), Transpositions is null ? null : PackedTable.Pack(Transpositions)), Options);

    /// <summary>Reads a checkpoint from <paramref name="text"/>; throws <see cref="InvalidCheckpointException"/> saying why it cannot.</summary>
    public static ExactCheckpoint Parse(string text)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException e) { throw new InvalidCheckpointException($"it is not an exact-search checkpoint (not valid JSON: {JsonProblem.Describe(e)})"); }
        if (root is not JsonObject header || (string?)(header["format"] as JsonValue) != Format)
            throw new InvalidCheckpointException($"it is not an exact-search checkpoint (no \"format\": \"{Format}\")");
        if (header["version"] is not JsonValue version || !version.TryGetValue(out int number) || number != FormatVersion)
            throw new InvalidCheckpointException($"it has format version {header["version"]?.ToJsonString() ?? "(none)"}; this elim reads version {FormatVersion}");
        Body body;
        try { body = root.Deserialize<Body>(Options)!; }
        catch (JsonException e) { throw new InvalidCheckpointException($"it is damaged: {JsonProblem.Describe(e)}"); }
        if (!Enum.TryParse(body.CostModel, ignoreCase: true, out CostModel costModel) || !Enum.IsDefined(costModel))
            throw new InvalidCheckpointException($"it is damaged: \"costModel\" is '{body.CostModel}', neither markowitz nor emitted");
        return new ExactCheckpoint(body.Function, body.GraphHash, costModel, body.Finished, body.Path, body.BoundGroups,
            body.Transpositions is null ? null : PackedTable.Unpack(body.Transpositions), new EliminationOrder(body.Incumbent.Order), body.Incumbent.Cost, body.LowerBound, body.Nodes, TimeSpan.FromSeconds(body.Seconds), body.Runs);
    }

    private sealed record Body(string Format, int Version, string Function, string GraphHash, string CostModel, bool Finished,
        IncumbentBody Incumbent, long LowerBound, long Nodes, double Seconds, int Runs, PathStep[] Path, int[][]? BoundGroups,
        string? Transpositions);

    private sealed record IncumbentBody(long Cost, int[] Order);
}
