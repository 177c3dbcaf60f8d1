using Elim.Backend.Cache;
using Elim.Frontend;
using Elim.Graph;

namespace Elim;

/// <summary>Choices of a compile; every property has a sensible default.</summary>
public sealed record CompileOptions
{
    /// <summary>The function to differentiate; null picks the file's default function.</summary>
    public string? Function { get; init; }

    /// <summary>Where the elimination order comes from (default: the best stored order, else the cheapest of minimal Markowitz, reverse and forward).</summary>
    public OrderSource Order { get; init => field = value ?? throw new ArgumentNullException(nameof(Order)); } = OrderSource.Best;

    /// <summary>The order store consulted by <see cref="OrderSource.Best"/> (default: <see cref="OrderStore.Default"/>).</summary>
    public OrderStore? Store { get; init; }

    /// <summary>The cache of compiled code (default: <see cref="CodeCache.Shared"/>).</summary>
    public CodeCache? Cache { get; init; }

    /// <summary>
    /// The most vertices the function's graph may have (default <see cref="FrontendOptions.DefaultMaxVertices"/>): a program
    /// that expands past it fails early with a <see cref="DiagnosticException"/> naming the helper chain or loop that expands.
    /// </summary>
    public int MaxVertices
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxVertices));
            field = value;
        }
    } = FrontendOptions.DefaultMaxVertices;

    /// <summary>
    /// Hears how far the lowering of the order into code has come (default: nobody); big programs take seconds there.
    /// <see cref="JacobianFunction.Prepare"/> reports the JIT's share the same way.
    /// </summary>
    public IProgress<CompileProgress>? Progress { get; init; }

    /// <summary>The frontend's share of these options.</summary>
    internal FrontendOptions Frontend => new() { MaxVertices = MaxVertices };
}
