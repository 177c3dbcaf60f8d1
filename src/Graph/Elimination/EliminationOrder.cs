namespace Elim.Graph;

/// <summary>A complete vertex-elimination order: 1-based vertex ids, each eliminable vertex once.</summary>
public sealed class EliminationOrder
{
    /// <summary>Wraps <paramref name="vertexIds"/> (not yet checked against a graph; see <see cref="Validate"/>).</summary>
    public EliminationOrder(IEnumerable<int> vertexIds) => VertexIds = [.. vertexIds];

    /// <summary>The ids in elimination order.</summary>
    public IReadOnlyList<int> VertexIds { get; }

    /// <summary>
    /// Throws <see cref="InvalidOrderException"/> naming every unknown, output, duplicate and missing id
    /// if this is not a complete order of <paramref name="graph"/>.
    /// </summary>
    public void Validate(ComputationalGraph graph)
    {
        var problems = new List<string>();
        var seen = new HashSet<int>();
        var unknown = new List<int>();
        var outputs = new List<int>();
        var duplicates = new List<int>();
        foreach (int id in VertexIds)
        {
            if (id < 1 || id > graph.VertexCount) unknown.Add(id);
            else if (!graph.IsEliminable(id)) outputs.Add(id);
            else if (!seen.Add(id)) duplicates.Add(id);
        }
        var missing = graph.EliminableVertices.Where(id => !seen.Contains(id)).ToList();
        if (unknown.Count > 0) problems.Add($"unknown vertex id(s) {List(unknown)} (the graph has vertices 1..{graph.VertexCount})");
        if (outputs.Count > 0) problems.Add($"output vertex id(s) {List(outputs)} (outputs that nothing reads are never eliminated)");
        if (duplicates.Count > 0) problems.Add($"duplicate id(s) {List(duplicates)}");
        if (missing.Count > 0) problems.Add($"missing id(s) {List(missing)}");
        if (problems.Count > 0)
            throw new InvalidOrderException(
                $"The order is not a complete elimination order of '{graph.Name}': {string.Join("; ", problems)}. " +
                $"It must list each of the {graph.EliminableVertices.Count} eliminable vertices exactly once.");
    }

    private static string List(List<int> ids) =>
        string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? $", … ({ids.Count} in all)" : "");

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", VertexIds) + "]";
}

/// <summary>An elimination order that does not fit its graph, or an unreadable order file.</summary>
public sealed class InvalidOrderException(string message) : Exception(message);
