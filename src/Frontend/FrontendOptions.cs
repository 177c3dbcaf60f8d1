namespace Elim.Frontend;

/// <summary>Limits of lowering a program to a graph; every property has a sensible default.</summary>
public sealed record FrontendOptions
{
    /// <summary>
    /// The default <see cref="MaxVertices"/>: far beyond the graphs elimination is for (10⁴–10⁵ vertices), yet
    /// reached in about a second and a few hundred megabytes.
    /// </summary>
    public const int DefaultMaxVertices = 1_000_000;

    /// <summary>
    /// The most vertices a graph may have: lowering stops with a located diagnostic (the helper chain or loop that
    /// expands) as soon as the graph passes it, instead of after minutes of work.
    /// </summary>
    public int MaxVertices { get; init; } = DefaultMaxVertices;

    /// <summary>The defaults.</summary>
    public static FrontendOptions Default { get; } = new();
}
