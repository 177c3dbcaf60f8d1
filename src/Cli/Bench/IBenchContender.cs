namespace Elim.Cli.Bench;

/// <summary>
/// One way of computing a batch of outputs and Jacobians that <c>elim bench</c> times. New peers (a GPU kernel,
/// hand-written code) implement this and are added to <see cref="BenchContenders.All"/>.
/// </summary>
public interface IBenchContender
{
    /// <summary>The name in the report and the JSON (<c>elim-reverse</c>, <c>primal</c>, …).</summary>
    string Name { get; }

    /// <summary>
    /// Does all set-up (compiling, buffers) and returns the action to time, plus how many points one call of
    /// it evaluates (the whole batch, or a sample of it for slow contenders).
    /// </summary>
    (Action Run, int Points) Prepare(BenchCase bench);
}
