using Elim.Frontend;
using Elim.Graph;

namespace Elim.Search.Perf;

/// <summary>The scalar benchmark tasks from examples/*.elim, with AlphaGrad's best published cost.</summary>
internal static class Examples
{
    public static IReadOnlyList<(string Task, string File, long AlphaGrad)> Scalar { get; } =
    [
        ("RoeFlux_1d", "roe_flux_1d", 320),
        ("RobotArm_6DOF", "robot_arm_6dof", 231),
        ("HumanHeartDipole", "human_heart_dipole", 148),
        ("PropaneCombustion", "propane_combustion", 88),
        ("g", "g", 416),
    ];

    /// <summary>Every example file name (without .elim), sorted, with AlphaGrad's best where the paper has one.</summary>
    public static IReadOnlyList<(string Task, string File, long? AlphaGrad)> All()
    {
        var scalar = Scalar.ToDictionary(t => t.File);
        return Directory.GetFiles(Path.Combine(Root, "examples"), "*.elim")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .Select(file => scalar.TryGetValue(file, out var t) ? (t.Task, file, (long?)t.AlphaGrad) : (file, file, null))
            .ToList();
    }

    /// <summary>The repository root: the nearest folder up from here that holds Elim.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The example's function named like the file (or the file's default function).</summary>
    public static ComputationalGraph Load(string file)
    {
        string path = Path.Combine(Root, "examples", file + ".elim");
        var program = ElimFrontend.Parse(File.ReadAllText(path), path);
        return ElimFrontend.Lower(program, ElimFrontend.FunctionNames(program).Contains(file) ? file : null);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Elim.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Elim.sln not found above " + AppContext.BaseDirectory);
    }
}
