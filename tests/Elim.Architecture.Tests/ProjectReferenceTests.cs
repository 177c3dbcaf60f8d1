using System.Xml.Linq;
using Elim.Testing;

namespace Elim.Architecture.Tests;

/// <summary>
/// Keeps Graph the only hub: each product project may reference only the projects listed here, and
/// TorchSharp (0.5 GB of native code) only where the agent's training or the TorchSharp bridge needs it; the elim
/// tool and the library packages reach no TorchSharp, not even through another project.
/// A stray reference fails CI, not review.
/// </summary>
public class ProjectReferenceTests
{
    // product project (folder under src) → the src projects it may reference
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Graph"] = [],
        ["Frontend"] = ["Graph"],
        ["Search"] = ["Graph"],
        ["Backend"] = ["Graph"],
        ["Gpu"] = ["Graph", "Backend"],
        ["TorchBridge"] = ["Graph"],
        ["Search/Agent"] = ["Graph", "Search"],
        ["Search/AgentTraining"] = ["Graph", "Search", "Search/Agent"],
        ["Api"] = ["Graph", "Frontend", "Backend"],
        ["Cli"] = ["Graph", "Frontend", "Search", "Backend", "Api", "Search/Agent", "Gpu"],
        ["TorchTool"] = ["Cli", "Graph", "Search/Agent", "Search/AgentTraining", "TorchBridge"],
    };

    private static readonly string[] TorchSharpAllowed = ["Search/AgentTraining", "TorchBridge"];

    // The elim tool and the library packages: neither they nor anything they reference may bring in TorchSharp.
    private static readonly string[] TorchFree = ["Graph", "Frontend", "Search", "Backend", "Gpu", "Search/Agent", "Api", "Cli"];

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (string project in ProductProjects()) data.Add(project);
        return data;
    }

    private static IEnumerable<string> ProductProjects()
    {
        string src = Repository.PathOf("src");
        return Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(p => Path.GetRelativePath(src, Path.GetDirectoryName(p)!).Replace('\\', '/'))
            .Order();
    }

    private static XDocument Load(string project) =>
        XDocument.Load(Directory.GetFiles(Repository.PathOf(Path.Combine("src", project)), "*.csproj").Single());

    private static List<string> ReferencedProjects(string project)
    {
        string directory = Repository.PathOf(Path.Combine("src", project));
        return Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetRelativePath(Repository.PathOf("src"), Path.GetDirectoryName(Path.GetFullPath(Path.Combine(directory, r.Attribute("Include")!.Value.Replace('\\', '/'))))!).Replace('\\', '/'))
            .ToList();
    }

    private static bool ReferencesTorchSharp(string project) => Load(project).Descendants("PackageReference")
        .Select(r => r.Attribute("Include")!.Value)
        .Any(p => p.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase) || p.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [MemberData(nameof(Projects))]
    public void ReferencesOnlyWhatTheLayeringAllows(string project)
    {
        Assert.True(Allowed.ContainsKey(project), $"src/{project} is not in the layering table; add it with the references it may have.");
        Assert.All(ReferencedProjects(project), r => Assert.True(Allowed[project].Contains(r), $"src/{project} must not reference src/{r}."));
    }

    [Theory]
    [MemberData(nameof(TorchFreeProjects))]
    public void TheToolAndTheLibrariesReachNoTorchSharp(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            Assert.False(ReferencesTorchSharp(next), $"src/{project} reaches TorchSharp through src/{next}; keep it in Search/AgentTraining or TorchBridge.");
            foreach (string r in ReferencedProjects(next)) pending.Push(r);
        }
    }

    public static TheoryData<string> TorchFreeProjects() => new(TorchFree);

    [Theory]
    [MemberData(nameof(Projects))]
    public void OnlyTheTrainingAndTheBridgeReferenceTorchSharp(string project)
    {
        Assert.False(ReferencesTorchSharp(project) && !TorchSharpAllowed.Contains(project), $"src/{project} references TorchSharp; only {string.Join(", ", TorchSharpAllowed)} may.");
    }

    [Fact]
    public void GraphIsTheHub() => Assert.Empty(Load("Graph").Descendants("ProjectReference"));
}
