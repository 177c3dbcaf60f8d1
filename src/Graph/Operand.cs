namespace Elim.Graph;

/// <summary>What an operand of a vertex refers to.</summary>
public enum OperandKind
{
    /// <summary>An independent variable (function input).</summary>
    Input,
    /// <summary>The value of an earlier vertex.</summary>
    Vertex,
    /// <summary>A compile-time constant; it gives no edge.</summary>
    Constant,
    /// <summary>A data input (by 0-based index): read at run time, never differentiated; it gives no edge.</summary>
    Data,
}

/// <summary>
/// An operand of an operation: an input (by 0-based index), a vertex (by 1-based id) or a constant.
/// </summary>
public readonly record struct Operand(OperandKind Kind, int Index, double Value)
{
    /// <summary>The input with 0-based index <paramref name="index"/>.</summary>
    public static Operand Input(int index) => new(OperandKind.Input, index, 0);

    /// <summary>The vertex with 1-based id <paramref name="id"/>.</summary>
    public static Operand Vertex(int id) => new(OperandKind.Vertex, id, 0);

    /// <summary>The data input with 0-based index <paramref name="index"/>.</summary>
    public static Operand Data(int index) => new(OperandKind.Data, index, 0);

    /// <summary>A constant.</summary>
    public static Operand Constant(double value) => new(OperandKind.Constant, 0, value);

    /// <summary>True for constants.</summary>
    public bool IsConstant => Kind == OperandKind.Constant;

    /// <summary>
    /// The node index in a graph with <paramref name="inputCount"/> inputs (inputs first, then vertices),
    /// or -1 for a constant or a data input (they are not nodes).
    /// </summary>
    public int Node(int inputCount) => Kind switch
    {
        OperandKind.Input => Index,
        OperandKind.Vertex => inputCount + Index - 1,
        _ => -1,
    };
}
