namespace Elim.Graph;

/// <summary>
/// A directed edge of the graph between node indices (inputs first, then vertices; see
/// <see cref="ComputationalGraph.NodeOf"/>). It carries the local partial ∂target/∂source.
/// </summary>
public readonly record struct Edge(int Source, int Target);
