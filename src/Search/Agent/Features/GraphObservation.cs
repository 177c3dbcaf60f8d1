namespace Elim.Search.Agent.Features;

/// <summary>
/// What the network sees of one game state: a feature row per node of the current graph (inputs first,
/// then vertices, as in <see cref="Elim.Graph.ComputationalGraph"/>), the current edges, which vertices
/// may be eliminated next, and a few graph-wide numbers. Nothing in it depends on how vertices are numbered
/// beyond the node order itself, so renumbering the graph permutes the rows and nothing else.
/// </summary>
/// <param name="NodeCount">Rows: inputs plus vertices.</param>
/// <param name="Features">Row-major [NodeCount × <see cref="GraphFeatures.FeatureCount"/>].</param>
/// <param name="EdgeSources">Source node of each current edge.</param>
/// <param name="EdgeTargets">Target node of each current edge.</param>
/// <param name="Legal">Per node: may be eliminated now (a remaining eliminable vertex).</param>
/// <param name="Globals">[<see cref="GraphFeatures.GlobalCount"/>] graph-wide numbers for the value head.</param>
/// <param name="VertexOfNode">Per node: its vertex id, or 0 for an input.</param>
public sealed record GraphObservation(
    int NodeCount, float[] Features, int[] EdgeSources, int[] EdgeTargets, bool[] Legal, float[] Globals, int[] VertexOfNode);
