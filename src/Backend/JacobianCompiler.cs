using Elim.Backend.Cache;
using Elim.Backend.Cpu;
using Elim.Backend.Lowering;
using Elim.Graph;

namespace Elim.Backend;

/// <summary>Compiles graphs into <see cref="JacobianFunction"/>s and <see cref="PrimalFunction"/>s through a <see cref="CodeCache"/>.</summary>
public static class JacobianCompiler
{
    /// <summary>
    /// The compiled Jacobian of <paramref name="graph"/> by <paramref name="order"/>, from
    /// <paramref name="cache"/> (default <see cref="CodeCache.Shared"/>) when the same shape was compiled before;
    /// <paramref name="orderOrigin"/> says where the order came from (<see cref="JacobianFunction.OrderOrigin"/>);
    /// <paramref name="progress"/> hears how far the lowering has come (the machine code is compiled at the first call,
    /// or by <see cref="JacobianFunction.Prepare"/>).
    /// </summary>
    /// <exception cref="InvalidOrderException">The order is not a complete elimination order of this graph.</exception>
    public static JacobianFunction Compile(ComputationalGraph graph, EliminationOrder order, CodeCache? cache = null, string orderOrigin = "explicit",
        IProgress<CompileProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(order);
        order.Validate(graph);
        cache ??= CodeCache.Shared;
        var code = cache.GetOrAdd(CacheKey.ForJacobian(graph, order),
            () => new CompiledCode(ProgramLowering.Jacobian(graph, order, progress), TypeName(graph, "Jacobian")));
        return new JacobianFunction(graph, order, orderOrigin, code, () => CompilePrimal(graph, cache));
    }

    /// <summary>The compiled primal (outputs only) of <paramref name="graph"/>.</summary>
    public static PrimalFunction CompilePrimal(ComputationalGraph graph, CodeCache? cache = null)
    {
        cache ??= CodeCache.Shared;
        var code = cache.GetOrAdd(CacheKey.ForPrimal(graph),
            () => new CompiledCode(ProgramLowering.Primal(graph), TypeName(graph, "Primal")));
        return new PrimalFunction(graph, code);
    }

    /// <summary>A CLR-safe type name from the function's name.</summary>
    internal static string TypeName(ComputationalGraph graph, string suffix)
    {
        var name = new string(graph.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return (name.Length == 0 || char.IsAsciiDigit(name[0]) ? "F" + name : name) + suffix;
    }
}
