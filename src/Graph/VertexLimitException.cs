namespace Elim.Graph;

/// <summary>
/// Thrown by <see cref="GraphBuilder"/> when a vertex would take the graph past its limit; the caller, who knows
/// what the vertex is being built for, turns it into a message with the cause.
/// </summary>
public sealed class VertexLimitException(int limit) : Exception($"The graph has more than {limit:N0} vertices.")
{
    /// <summary>The limit that was passed.</summary>
    public int Limit { get; } = limit;
}
