namespace Elim.Graph;

/// <summary>A dependent variable: its name and the vertex that computes it.</summary>
public sealed record GraphOutput(string Name, int VertexId);
