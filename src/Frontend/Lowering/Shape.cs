namespace Elim.Frontend.Lowering;

/// <summary>The shape of an array value: a vector of <see cref="Rows"/> elements, or a Rows×Columns matrix (row-major).</summary>
internal readonly record struct Shape(int Rows, int Columns)
{
    /// <summary>A vector of <paramref name="length"/> elements.</summary>
    public static Shape Vector(int length) => new(length, 0);

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    public static Shape Matrix(int rows, int columns) => new(rows, columns);

    /// <summary>The shape declared by <paramref name="dimensions"/> (one or two sizes).</summary>
    public static Shape Of(IReadOnlyList<int> dimensions) =>
        dimensions.Count == 1 ? Vector(dimensions[0]) : Matrix(dimensions[0], dimensions[1]);

    /// <summary>1 for a vector, 2 for a matrix.</summary>
    public int Rank => Columns == 0 ? 1 : 2;

    /// <summary>Number of elements.</summary>
    public int Count => Rank == 1 ? Rows : Rows * Columns;

    /// <summary>The name of element <paramref name="flat"/> (row-major) of an array called <paramref name="name"/>.</summary>
    public string ElementName(string name, int flat) => Rank == 1 ? $"{name}[{flat}]" : $"{name}[{flat / Columns},{flat % Columns}]";

    /// <summary>The flat (row-major) position of <paramref name="row"/>, <paramref name="column"/>.</summary>
    public int Flat(int row, int column) => Rank == 1 ? row : row * Columns + column;

    /// <inheritdoc />
    public override string ToString() => Rank == 1 ? $"[{Rows}]" : $"[{Rows}, {Columns}]";
}
