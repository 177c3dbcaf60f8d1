using Elim.Graph;

namespace Elim.Search.Game;

/// <summary>
/// Which edges of a graph carry a structural ±1 partial: the same at every point, so a product with it
/// is a sign change, not a multiplication. An edge u→v is unit when u feeds exactly one operand of v and
/// that operand's partial is ±1 by the operation alone: either operand of add and sub, the operand of
/// neg and copy, x in x·c and c·x with a constant c = ±1, the numerator of x/c with c = ±1, and
/// x^1. An edge made by elimination is unit only when it is new (fill-in) and both factors were unit;
/// an accumulated edge c[j,i] + c[j,k]·c[k,i] is a sum, so it is never unit.
/// </summary>
public static class UnitPartials
{
    /// <summary>Per edge of <paramref name="graph"/> (indexed like <see cref="ComputationalGraph.Edges"/>): whether it is unit.</summary>
    public static bool[] Of(ComputationalGraph graph)
    {
        var unit = new bool[graph.Edges.Count];
        var uses = new int[graph.Edges.Count];
        foreach (var vertex in graph.Vertices)
        {
            for (int j = 0; j < vertex.Operands.Count; j++)
            {
                int edge = graph.OperandEdge(vertex.Id, j);
                if (edge < 0) continue;
                uses[edge]++;
                if (IsUnitOperand(vertex, j)) unit[edge] = true;
            }
        }
        for (int e = 0; e < unit.Length; e++) unit[e] &= uses[e] == 1;
        return unit;
    }

    private static bool IsUnitOperand(Vertex vertex, int operand)
    {
        static bool IsPlusMinusOne(Operand o) => o.IsConstant && Math.Abs(o.Value) == 1;
        return vertex.Op switch
        {
            OpKind.Copy or OpKind.Neg or OpKind.Add or OpKind.Sub => true,
            OpKind.Mul => IsPlusMinusOne(vertex.Operands[1 - operand]),
            OpKind.Div => operand == 0 && IsPlusMinusOne(vertex.Operands[1]),
            OpKind.IntegerPow => vertex.Exponent == 1,
            _ => false,
        };
    }
}
