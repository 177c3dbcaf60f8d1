namespace Elim.Graph;

/// <summary>
/// The only way to build a <see cref="ComputationalGraph"/>. Vertices are numbered in the order they
/// are applied; an operation whose operands are all constants is folded to a constant and makes no
/// vertex. Nothing is shared: applying the same operation twice makes two vertices (no CSE).
/// </summary>
public sealed class GraphBuilder
{
    private readonly string _name;
    private readonly int _maxVertices;
    private readonly List<string> _inputs = [];
    private readonly List<string> _data = [];
    private readonly List<Vertex> _vertices = [];
    private readonly List<GraphOutput> _outputs = [];
    private readonly HashSet<string> _outputNames = [];
    private readonly HashSet<int> _outputVertices = [];

    /// <summary>
    /// Starts a graph for the function <paramref name="name"/>; a vertex past <paramref name="maxVertices"/> throws
    /// <see cref="VertexLimitException"/>.
    /// </summary>
    public GraphBuilder(string name, int maxVertices = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxVertices);
        _name = name;
        _maxVertices = maxVertices;
    }

    /// <summary>Number of vertices so far; the next vertex gets id <c>VertexCount + 1</c>.</summary>
    public int VertexCount => _vertices.Count;

    /// <summary>Vertex <paramref name="id"/> (1-based) built so far, for code that reads what it built (reverse mode).</summary>
    public Vertex VertexAt(int id) => _vertices[id - 1];

    /// <summary>Declares the next independent variable.</summary>
    public Operand AddInput(string name)
    {
        if (_vertices.Count > 0) throw new InvalidOperationException("Inputs must be declared before the first operation.");
        _inputs.Add(name);
        return Operand.Input(_inputs.Count - 1);
    }

    /// <summary>Declares the next data input: a value read at run time that is not differentiated.</summary>
    public Operand AddData(string name)
    {
        if (_vertices.Count > 0) throw new InvalidOperationException("Data inputs must be declared before the first operation.");
        _data.Add(name);
        return Operand.Data(_data.Count - 1);
    }

    /// <summary>
    /// Applies <paramref name="op"/> (not <see cref="OpKind.IntegerPow"/>) to operands; folds constants, and a
    /// select whose condition is constant is the arm it picks (no vertex).
    /// </summary>
    public Operand Apply(OpKind op, SourceSpan span, params Operand[] operands)
    {
        if (op == OpKind.IntegerPow) throw new ArgumentException("Use IntegerPower for integer_pow.", nameof(op));
        if (op == OpKind.Select && operands.Length == 3 && operands[0].IsConstant)
            return operands[0].Value != 0 ? operands[1] : operands[2];
        return Append(op, 0, span, operands);
    }

    /// <summary>Applies <c>x^n</c> with a constant integer exponent (JAX's integer_pow); folds constants.</summary>
    public Operand IntegerPower(Operand x, int exponent, SourceSpan span) => Append(OpKind.IntegerPow, exponent, span, [x]);

    /// <summary>Makes a copy vertex of <paramref name="value"/>, even of a constant (for outputs that only copy).</summary>
    public Operand Copy(Operand value, SourceSpan span) => AppendVertex(OpKind.Copy, 0, span, [value]);

    /// <summary>Makes vertex <paramref name="vertex"/> the next dependent, called <paramref name="name"/>.</summary>
    public void MarkOutput(string name, Operand vertex)
    {
        if (vertex.Kind != OperandKind.Vertex || vertex.Index < 1 || vertex.Index > _vertices.Count)
            throw new ArgumentException($"Output '{name}' must be a vertex of this graph; copy other values first.", nameof(vertex));
        if (_outputVertices.Contains(vertex.Index))
            throw new ArgumentException($"Vertex {vertex.Index} is already an output; copy it for '{name}'.", nameof(vertex));
        if (!_outputNames.Add(name)) throw new ArgumentException($"Output '{name}' is declared twice.", nameof(name));
        _outputVertices.Add(vertex.Index);
        _outputs.Add(new GraphOutput(name, vertex.Index));
    }

    /// <summary>Finishes the graph; at least one output is required.</summary>
    public ComputationalGraph Build()
    {
        if (_outputs.Count == 0) throw new InvalidOperationException($"Function '{_name}' has no outputs.");
        return new ComputationalGraph(_name, [.. _inputs], [.. _vertices], [.. _outputs], [.. _data]);
    }

    private Operand Append(OpKind op, int exponent, SourceSpan span, Operand[] operands)
    {
        var rule = OpRules.Of(op);
        if (operands.Length != rule.Arity)
            throw new ArgumentException($"{rule.Name} takes {rule.Arity} operand(s), got {operands.Length}.", nameof(operands));
        if (Array.TrueForAll(operands, o => o.IsConstant))
            return Operand.Constant(rule.Apply(Array.ConvertAll(operands, o => o.Value), exponent));
        return AppendVertex(op, exponent, span, operands);
    }

    private Operand AppendVertex(OpKind op, int exponent, SourceSpan span, Operand[] operands)
    {
        foreach (var operand in operands) CheckDefined(operand);
        if (_vertices.Count == _maxVertices) throw new VertexLimitException(_maxVertices);
        int id = _vertices.Count + 1;
        _vertices.Add(new Vertex(id, op, operands, exponent, span));
        return Operand.Vertex(id);
    }

    private void CheckDefined(Operand operand)
    {
        bool defined = operand.Kind switch
        {
            OperandKind.Input => operand.Index >= 0 && operand.Index < _inputs.Count,
            OperandKind.Vertex => operand.Index >= 1 && operand.Index <= _vertices.Count,
            OperandKind.Data => operand.Index >= 0 && operand.Index < _data.Count,
            _ => true,
        };
        if (!defined) throw new ArgumentException($"Operand {operand} does not exist in this graph.", nameof(operand));
    }
}
