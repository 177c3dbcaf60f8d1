namespace Elim.Perf.Contenders;

/// <summary>One way to compute outputs and Jacobians of a batch of points, timed by the harness.</summary>
public interface IContender
{
    /// <summary>The name in tables (elim-forward, torchsharp, ...).</summary>
    string Name { get; }

    /// <summary>
    /// The most points per timed call this contender is given (slow peers are timed on a prefix of the
    /// batch; the report says so); <see cref="int.MaxValue"/> for no limit.
    /// </summary>
    int MaxPoints { get; }

    /// <summary>Computes the first <paramref name="count"/> points of <paramref name="batch"/> on <paramref name="threads"/> threads.</summary>
    void Run(Batch batch, int count, int threads);

    /// <summary>The Jacobian of point 0 of <paramref name="batch"/> (m×n, row-major) as this contender computes it, for verification.</summary>
    double[] FirstJacobian(Batch batch);
}
