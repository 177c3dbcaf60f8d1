using System.Xml.Linq;
using Elim.Testing;

namespace Elim.Architecture.Tests;

/// <summary>
/// Keeps Graph the only hub: each product project may reference only the projects listed here, and
/// TorchSharp (0.5 GB of native code) only where the learning agent or the TorchSharp bridge needs it.
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
        ["Api"] = ["Graph", "Frontend", "Backend"],
        ["Cli"] = ["Graph", "Frontend", "Search", "Backend", "Api", "Search/Agent", "Gpu", "TorchBridge"],
    };

    private static readonly string[] TorchSharpAllowed = ["Search/Agent", "TorchBridge"];

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

    [Theory]
    [MemberData(nameof(Projects))]
    public void ReferencesOnlyWhatTheLayeringAllows(string project)
    {
        Assert.True(Allowed.ContainsKey(project), $"src/{project} is not in the layering table; add it with the references it may have.");
        string directory = Repository.PathOf(Path.Combine("src", project));
        var referenced = Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetRelativePath(Repository.PathOf("src"), Path.GetDirectoryName(Path.GetFullPath(Path.Combine(directory, r.Attribute("Include")!.Value.Replace('\\', '/'))))!).Replace('\\', '/'))
            .ToList();
        Assert.All(referenced, r => Assert.True(Allowed[project].Contains(r), $"src/{project} must not reference src/{r}."));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void OnlyTheAgentAndTheBridgeReferenceTorchSharp(string project)
    {
        var packages = Load(project).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();
        bool torch = packages.Any(p => p.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase) || p.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));
        Assert.False(torch && !TorchSharpAllowed.Contains(project), $"src/{project} references TorchSharp; only {string.Join(", ", TorchSharpAllowed)} may.");
    }

    [Fact]
    public void GraphIsTheHub() => Assert.Empty(Load("Graph").Descendants("ProjectReference"));
}
