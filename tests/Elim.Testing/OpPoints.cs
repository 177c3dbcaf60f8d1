using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Points at which to check one operation alone: inside its domain, plus the edges where conventions apply (0 for abs
/// and pow, ties for min and max, NaN and signed zeros for comparisons, NaN and infinities in a select's other arm).
/// </summary>
public static class OpPoints
{
    /// <summary>Points of <paramref name="arity"/> values each for <paramref name="kind"/>.</summary>
    public static double[][] Of(OpKind kind, int arity)
    {
        double[][] points = kind switch
        {
            OpKind.Asin or OpKind.Acos or OpKind.Atanh => [[0.3], [-0.7], [0.0]],
            OpKind.Acosh => [[1.5], [3.0]],
            OpKind.Log or OpKind.Sqrt => [[0.4], [2.5], [0.0]],
            OpKind.Log1p => [[1e-10], [-0.5], [3.0]],
            OpKind.Abs => [[0.0], [-2.0], [3.5]],
            OpKind.Erf => [[0.0], [-0.4], [1.3], [7.0]],
            OpKind.Pow => [[0.0, 2.5], [1.7, 0.0], [2.2, -1.3], [0.5, 3.0]],
            OpKind.Min or OpKind.Max => [[1.0, 2.0], [2.0, 1.0], [1.5, 1.5], [-0.0, 0.0]],
            OpKind.Div => [[1.0, 3.0], [-2.0, 0.5]],
            OpKind.Atan2 => [[1.0, 2.0], [-1.0, -0.5], [0.3, 0.0]],
            // Ties, signed zeros, infinities and NaN, which compares false (true for ≠).
            OpKind.Less or OpKind.LessEqual or OpKind.Equal or OpKind.NotEqual =>
                [[1.0, 2.0], [2.0, 1.0], [1.5, 1.5], [-0.0, 0.0], [double.NaN, 1.0], [1.0, double.NaN], [double.NegativeInfinity, 3.0]],
            // Truth values: nonzero, NaN included, is true.
            OpKind.And or OpKind.Or or OpKind.Not => [[0.0, 0.0], [0.0, 2.0], [-1.5, 0.0], [3.0, -2.0], [-0.0, 1.0], [double.NaN, 0.0]],
            // Conditions 1, 0, −0, NaN, and NaN or infinities in the arm not picked, which must not reach the value.
            OpKind.Select =>
            [
                [1.0, 2.0, 3.0], [0.0, 2.0, 3.0], [-0.0, 2.0, 3.0], [double.NaN, 2.0, 3.0], [-2.5, 2.0, 3.0],
                [1.0, 2.0, double.NaN], [0.0, double.NaN, 3.0], [1.0, -4.0, double.PositiveInfinity], [0.0, double.NegativeInfinity, 0.5],
            ],
            _ => [[0.3, -0.8], [-1.2, 0.6], [2.0, 1.5], [double.NaN, 1.0]],
        };
        return points.Select(p => p[..arity]).ToArray();
    }
}
