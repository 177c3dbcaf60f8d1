using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>Arrays as values: element reads and slices, literals, elementwise operations with scalar broadcast, <c>@</c>.</summary>
internal sealed partial class Lowerer
{
    private Value Index(IndexSyntax index, Scope? scope, Frame? frame)
    {
        var binding = scope?.Find(index.Name);
        if (binding is null)
        {
            if (_constants.ContainsKey(index.Name))
                throw LoweringError.At(index.Span, $"const '{index.Name}' is a scalar and cannot be indexed", $"write {index.Name} without an index");
            throw UnknownName(index.Name, index.Span, scope);
        }
        if (!binding.IsArray)
            throw LoweringError.At(index.Span, $"'{index.Name}' is a scalar and cannot be indexed", $"write {index.Name} without an index");
        if (index.Parts.Count > binding.Rank)
            throw LoweringError.At(index.Span, $"'{index.Name}' has {Count(binding.Rank, "dimension")}, but {index.Parts.Count} indices are given",
                binding.Rank == 1 ? $"write {index.Name}[i]" : $"write {index.Name}[i, j]");
        var shape = binding.Shape;
        var rows = Range(index.Parts[0], shape.Rows, binding, scope, frame);
        if (shape.Rank == 1)
            return rows.IsSlice ? Gather(binding, rows, (0, 1, false), index.Span) : new Scalar(Read(binding, (rows.Low, 0), index.Span));
        (int Low, int High, bool IsSlice) columns = index.Parts.Count > 1 ? Range(index.Parts[1], shape.Columns, binding, scope, frame) : (0, shape.Columns, true);
        if (!rows.IsSlice && !columns.IsSlice) return new Scalar(Read(binding, (rows.Low, columns.Low), index.Span));
        return Gather(binding, rows, columns, index.Span);
    }

    /// <summary>The elements of a rectangle of <paramref name="binding"/>; a single index drops its dimension.</summary>
    private static ArrayValue Gather(Binding binding, (int Low, int High, bool IsSlice) rows, (int Low, int High, bool IsSlice) columns, SourceSpan span)
    {
        var elements = new List<Operand>();
        for (int i = rows.Low; i < rows.High; i++)
            for (int j = columns.Low; j < columns.High; j++) elements.Add(Read(binding, (i, j), span));
        int r = rows.High - rows.Low, c = columns.High - columns.Low;
        var shape = rows.IsSlice && columns.IsSlice ? Shape.Matrix(r, c) : Shape.Vector(rows.IsSlice ? r : c);
        return new ArrayValue(elements, shape);
    }

    /// <summary>One index position as a half-open range; a single index i is i..i+1, not a slice.</summary>
    private (int Low, int High, bool IsSlice) Range(IndexPart part, int size, Binding binding, Scope? scope, Frame? frame)
    {
        if (!part.IsSlice)
        {
            int i = EvaluateInteger(part.Index!, scope, frame, "the index");
            // A growable array's unassigned elements are reported when read, as "read before it is assigned".
            if (i < 0 || (i >= size && !binding.Growable))
                throw LoweringError.At(part.Span, $"index {i} is out of bounds for '{binding.Name}' of shape {binding.Shape}", $"use an index from 0 to {size - 1}");
            return (i, i + 1, false);
        }
        int low = part.Low is null ? 0 : EvaluateInteger(part.Low, scope, frame, "the slice bound");
        int high = part.High is null ? size : EvaluateInteger(part.High, scope, frame, "the slice bound");
        if (low < 0 || high > size || low >= high)
            throw LoweringError.At(part.Span, $"the slice {low}:{high} is {(low >= high ? "empty" : "out of bounds")} for '{binding.Name}' of shape {binding.Shape}",
                $"use bounds with 0 <= low < high <= {size}");
        return (low, high, true);
    }

    private Value Literal(ArrayLiteralSyntax literal, Scope? scope, Frame? frame)
    {
        var items = literal.Elements.Select(e => Evaluate(e, scope, frame)).ToList();
        for (int k = 0; k < items.Count; k++)
        {
            string? problem = items[k] switch
            {
                ArrayValue { Shape.Rank: 2 } => "array literals have at most two dimensions",
                _ when items[k].GetType() != items[0].GetType() =>
                    $"an array literal holds scalars or rows, not both: element {k} is {Describe(items[k])} and element 0 is {Describe(items[0])}",
                ArrayValue row when row.Shape != ((ArrayValue)items[0]).Shape =>
                    $"the rows of a matrix literal must have one length, but row {k} is {Describe(items[k])} and row 0 is {Describe(items[0])}",
                _ => null,
            };
            if (problem is not null)
                throw LoweringError.At(literal.Elements[k].Span, problem, "write a vector as [a, b, c] and a matrix as [[a, b], [c, d]]");
        }
        if (items[0] is Scalar) return new ArrayValue(items.Select(i => ((Scalar)i).Operand).ToList());
        var rows = items.Cast<ArrayValue>().ToList();
        return new ArrayValue(rows.SelectMany(r => r.Elements).ToList(), Shape.Matrix(rows.Count, rows[0].Shape.Rows));
    }

    private static string Describe(Value value) => value is ArrayValue array ? $"of shape {array.Shape}" : "a scalar";

    private ArrayValue Map(ArrayValue array, Func<Operand, Operand> operation) =>
        new(array.Elements.Select(operation).ToList(), array.Shape);

    /// <summary>
    /// Applies <paramref name="operation"/> element by element to two values of one shape, or broadcasts a scalar
    /// against an array; <paramref name="action"/> names it in errors ("add"). A scalar keeps its integer-ness (so
    /// <c>v^2</c> stays an integer power).
    /// </summary>
    private ArrayValue Elementwise(Value left, Value right, SourceSpan span, string action, Func<Scalar, Scalar, Operand> operation)
    {
        if (left is ArrayValue a && right is ArrayValue b && a.Shape != b.Shape)
            throw LoweringError.At(span, $"cannot {action} arrays of shapes {a.Shape} and {b.Shape}",
                "use arrays of one shape, or a scalar, which applies to every element");
        var shape = (left as ArrayValue ?? (ArrayValue)right).Shape;
        var elements = new Operand[shape.Count];
        for (int i = 0; i < elements.Length; i++) elements[i] = operation(ElementOf(left, i), ElementOf(right, i));
        return new ArrayValue(elements, shape);
    }

    private static Scalar ElementOf(Value value, int flat) => value as Scalar ?? new Scalar(((ArrayValue)value).Elements[flat]);

    /// <summary><c>A @ B</c>: matrix·matrix, matrix·vector, vector·matrix, vector·vector (a scalar).</summary>
    private Value MatrixProduct(Value left, Value right, BinarySyntax product)
    {
        if (left is not ArrayValue a || right is not ArrayValue b)
            throw LoweringError.At(product.Span, "'@' multiplies arrays, but " + (left is Scalar ? "the left" : "the right") + " operand is a scalar",
                "use '*' to scale by a scalar");
        int inner = a.Shape.Rank == 1 ? a.Shape.Rows : a.Shape.Columns;
        if (inner != b.Shape.Rows)
            throw LoweringError.At(product.Span, $"'@' cannot multiply arrays of shapes {a.Shape} and {b.Shape}",
                $"the left operand's last dimension ({inner}) must equal the right operand's first ({b.Shape.Rows})");
        int rows = a.Shape.Rank == 1 ? 1 : a.Shape.Rows;
        int columns = b.Shape.Rank == 1 ? 1 : b.Shape.Columns;
        var elements = new List<Operand>();
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                elements.Add(Dot(Enumerable.Range(0, inner).Select(k => (a.Elements[i * inner + k], b.Elements[k * columns + j])), product.Span));
        return (a.Shape.Rank, b.Shape.Rank) switch
        {
            (1, 1) => new Scalar(elements[0]),
            (2, 2) => new ArrayValue(elements, Shape.Matrix(rows, columns)),
            _ => new ArrayValue(elements),
        };
    }

    /// <summary>Σ aₖ·bₖ, each product followed by its addition (few values live at once).</summary>
    private Operand Dot(IEnumerable<(Operand A, Operand B)> pairs, SourceSpan span)
    {
        Operand? sum = null;
        foreach (var (a, b) in pairs)
        {
            var product = _builder.Apply(OpKind.Mul, span, a, b);
            sum = sum is { } s ? _builder.Apply(OpKind.Add, span, s, product) : product;
        }
        return sum!.Value;
    }
}
