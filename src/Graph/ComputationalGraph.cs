namespace Elim.Graph;

/// <summary>
/// An immutable computational graph. Nodes are numbered inputs first (0 … n−1), then vertices in
/// evaluation order (vertex id k is node n+k−1). Edges are unique (source, target) pairs: an operation
/// that reads the same value twice (x·x) has one edge whose partial is the sum of both.
/// Only active values carry edges: inputs, and vertices with an edge in. A vertex computed from constants,
/// data inputs and comparisons alone (or a comparison itself) is passive: it is evaluated, but has no
/// edges and is never eliminated. Build one with <see cref="GraphBuilder"/>.
/// </summary>
public sealed class ComputationalGraph
{
    private readonly Vertex[] _vertices;
    private readonly Edge[] _edges;
    private readonly int[] _edgeStart;          // edges into vertex id k: [_edgeStart[k-1], _edgeStart[k])
    private readonly int[][] _operandEdge;      // per vertex, per operand: its edge index, or -1 for a constant
    private readonly int[][] _predecessors;     // per node
    private readonly int[][] _successors;       // per node
    private readonly bool[] _isOutput;          // per vertex id - 1
    private readonly bool[] _isActive;          // per node
    private readonly int[] _eliminable;

    internal ComputationalGraph(string name, IReadOnlyList<string> inputNames, Vertex[] vertices, IReadOnlyList<GraphOutput> outputs,
        IReadOnlyList<string> dataNames)
    {
        Name = name;
        InputNames = inputNames;
        DataNames = dataNames;
        _vertices = vertices;
        Outputs = outputs;
        int n = inputNames.Count;
        _isOutput = new bool[vertices.Length];
        foreach (var output in outputs) _isOutput[output.VertexId - 1] = true;

        // Flat arrays, filled in two passes (edges and predecessors, then successors by counting), so that
        // building a graph of 10⁵ vertices allocates a few arrays per vertex and nothing per edge.
        var edges = new List<Edge>(vertices.Sum(v => v.Operands.Count));
        _edgeStart = new int[vertices.Length + 1];
        _operandEdge = new int[vertices.Length][];
        _predecessors = new int[n + vertices.Length][];
        Array.Fill(_predecessors, [], 0, n);
        var successorCount = new int[n + vertices.Length];
        _isActive = new bool[n + vertices.Length];
        Array.Fill(_isActive, true, 0, n);
        foreach (var vertex in vertices)
        {
            int target = n + vertex.Id - 1;
            int first = edges.Count;
            _edgeStart[vertex.Id - 1] = first;
            var rule = OpRules.Of(vertex.Op);
            var operandEdge = new int[vertex.Operands.Count];
            for (int j = 0; j < operandEdge.Length; j++)
            {
                int source = vertex.Operands[j].Node(n);
                if (source < 0 || !_isActive[source] || !rule.IsDifferentiable(j)) { operandEdge[j] = -1; continue; }
                _isActive[target] = true;
                int existing = first;
                while (existing < edges.Count && edges[existing].Source != source) existing++;
                if (existing == edges.Count)
                {
                    edges.Add(new Edge(source, target));
                    successorCount[source]++;
                }
                operandEdge[j] = existing;
            }
            _operandEdge[vertex.Id - 1] = operandEdge;
            _predecessors[target] = new int[edges.Count - first];
            for (int e = first; e < edges.Count; e++) _predecessors[target][e - first] = edges[e].Source;
        }
        _edgeStart[vertices.Length] = edges.Count;
        _edges = [.. edges];
        _successors = Array.ConvertAll(successorCount, count => count == 0 ? [] : new int[count]);
        var filled = new int[n + vertices.Length];
        foreach (var edge in _edges) _successors[edge.Source][filled[edge.Source]++] = edge.Target; // edges run in target order: ascending
        _eliminable = vertices.Where(v => IsEliminable(v.Id)).Select(v => v.Id).ToArray();
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>Names of the independents, scalarized (<c>x[0]</c>, <c>x[1]</c>, …).</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The dependents in declaration order; row i of the Jacobian is output i.</summary>
    public IReadOnlyList<GraphOutput> Outputs { get; }

    /// <summary>Vertices in evaluation order; <c>Vertices[k-1].Id == k</c>.</summary>
    public IReadOnlyList<Vertex> Vertices => _vertices;

    /// <summary>All edges, grouped by target vertex in id order.</summary>
    public IReadOnlyList<Edge> Edges => _edges;

    /// <summary>Names of the data inputs (read at run time, not differentiated), scalarized.</summary>
    public IReadOnlyList<string> DataNames { get; }

    /// <summary>Number of independents.</summary>
    public int InputCount => InputNames.Count;

    /// <summary>Number of data inputs.</summary>
    public int DataCount => DataNames.Count;

    /// <summary>Number of vertices (primitive operations).</summary>
    public int VertexCount => _vertices.Length;

    /// <summary>Inputs plus vertices.</summary>
    public int NodeCount => InputCount + VertexCount;

    /// <summary>Number of dependents.</summary>
    public int OutputCount => Outputs.Count;

    /// <summary>
    /// Vertex ids that an elimination order must contain, ascending: every non-output vertex, and every
    /// output that later operations read (eliminated like an intermediate but keeping its in-edges).
    /// </summary>
    public IReadOnlyList<int> EliminableVertices => _eliminable;

    /// <summary>The vertex with 1-based id <paramref name="id"/>.</summary>
    public Vertex Vertex(int id) => _vertices[id - 1];

    /// <summary>The node index of vertex <paramref name="vertexId"/>.</summary>
    public int NodeOf(int vertexId) => InputCount + vertexId - 1;

    /// <summary>The vertex id of node <paramref name="node"/>, or 0 for an input.</summary>
    public int VertexIdOf(int node) => node < InputCount ? 0 : node - InputCount + 1;

    /// <summary>Whether vertex <paramref name="vertexId"/> computes a dependent.</summary>
    public bool IsOutput(int vertexId) => _isOutput[vertexId - 1];

    /// <summary>Whether vertex <paramref name="vertexId"/> belongs in an elimination order.</summary>
    public bool IsEliminable(int vertexId) =>
        _isActive[NodeOf(vertexId)] && (!IsOutput(vertexId) || _successors[NodeOf(vertexId)].Length > 0);

    /// <summary>Whether <paramref name="node"/> carries edges: an input, or a vertex that depends on one differentiably.</summary>
    public bool IsActive(int node) => _isActive[node];

    /// <summary>Distinct predecessor nodes of <paramref name="node"/>, in operand order.</summary>
    public IReadOnlyList<int> Predecessors(int node) => _predecessors[node];

    /// <summary>Distinct successor nodes of <paramref name="node"/>, ascending.</summary>
    public IReadOnlyList<int> Successors(int node) => _successors[node];

    /// <summary>The index range in <see cref="Edges"/> of the edges into vertex <paramref name="vertexId"/>.</summary>
    public Range EdgesInto(int vertexId) => _edgeStart[vertexId - 1].._edgeStart[vertexId];

    /// <summary>The edge that operand <paramref name="operand"/> of vertex <paramref name="vertexId"/> feeds, or −1 for a constant.</summary>
    public int OperandEdge(int vertexId, int operand) => _operandEdge[vertexId - 1][operand];
}
