namespace Elim.Testing;

/// <summary>
/// A scalar benchmark task of AlphaGrad (Lohoff and Neftci, NeurIPS 2024) with the counts to reproduce
/// (from the task reference) and a point where every operation is inside its domain.
/// </summary>
public sealed record PaperTask(
    string Name, string File, int Vertices, int Eliminated, long Forward, long Reverse, long MinimalMarkowitz,
    long PublishedOrderCost, long AlphaGradBest, double[] TypicalPoint)
{
    /// <summary>The five scalar tasks.</summary>
    public static IReadOnlyList<PaperTask> All { get; } =
    [
        new("RoeFlux_1d", "roe_flux_1d", 101, 98, 620, 364, 407, 320, 320, [0.01, 0.02, 0.02, 0.01, 0.03, 0.03]),
        new("RobotArm_6DOF", "robot_arm_6dof", 114, 108, 397, 301, 288, 231, 231, [0.02, 0.02, 0.02, 0.02, 0.02, 0.02]),
        new("HumanHeartDipole", "human_heart_dipole", 86, 78, 240, 172, 194, 148, 148, Enumerable.Repeat(0.15, 8).ToArray()),
        new("PropaneCombustion", "propane_combustion", 62, 51, 151, 90, 111, 88, 88, Enumerable.Repeat(0.15, 11).ToArray()),
        new("g", "g", 105, 85, 632, 566, 451, 417, 416, [3.11, -2.91, -1.3, 0.1, 0.62, -3.77, -3.37, 1.4, 0.05, 0.81, 3.13, 0.3, 3.28, 1.17, -3.59]),
    ];

    /// <summary>The task called <paramref name="name"/>.</summary>
    public static PaperTask Named(string name) => All.Single(t => t.Name == name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
