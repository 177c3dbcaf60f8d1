using Elim.Cli;
using Elim.Graph;

namespace Elim.TorchTool;

/// <summary>
/// The real programs training sees, read from a folder of <c>.elim</c> files with the language's frontend (training
/// itself, in src/Search, takes graphs and knows no frontend). The five scalar tasks of the paper stay unseen: they are
/// left out by name, and so is any other file whose graph has the same structure as one of them (a copy under
/// another name). The rest is split by a fixed rule, so that the model is also chosen on real programs it never
/// trained on: sorted by file name, every third file (the third, sixth, ...) is held out for validation, the others
/// are self-played.
/// </summary>
public static class TrainingPrograms
{
    /// <summary>The files of the paper's five scalar tasks (RoeFlux_1d, RobotArm_6DOF, HumanHeartDipole, PropaneCombustion, g).</summary>
    public static IReadOnlyList<string> PaperTaskFiles { get; } =
        ["roe_flux_1d.elim", "robot_arm_6dof.elim", "human_heart_dipole.elim", "propane_combustion.elim", "g.elim"];

    /// <summary>The programs of <paramref name="folder"/> to train on and to validate on, with their file names.</summary>
    public static (IReadOnlyList<(string File, ComputationalGraph Graph)> Training, IReadOnlyList<(string File, ComputationalGraph Graph)> Validation)
        Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new PathException($"The programs folder '{folder}' does not exist.");
        var files = Directory.GetFiles(folder, "*.elim").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        var paperHashes = files.Where(IsPaperTask).Select(f => GraphHash.Structural(GraphLoader.Load(f, function: null))).ToHashSet();
        var programs = files.Where(f => !IsPaperTask(f))
            .Select(f => (File: Path.GetFileName(f), Graph: GraphLoader.Load(f, function: null)))
            .Where(p => p.Graph.EliminableVertices.Count > 0 && !paperHashes.Contains(GraphHash.Structural(p.Graph)))
            .ToList();
        return ([.. programs.Where((_, i) => i % 3 != 2)], [.. programs.Where((_, i) => i % 3 == 2)]);
    }

    private static bool IsPaperTask(string path) => PaperTaskFiles.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase);
}
