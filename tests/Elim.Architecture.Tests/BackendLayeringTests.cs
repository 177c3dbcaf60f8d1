using System.Text.RegularExpressions;
using Elim.Testing;

namespace Elim.Architecture.Tests;

/// <summary>
/// Keeps the Backend's namespaces layered: what emitted code calls at run time (<c>Runtime</c>: kernels' delegates,
/// scatter, vector math, lanes) sits below the emitter (<c>Emit</c>), which sits below the objects users hold
/// (<c>Cpu</c>), so the emitter and the CPU objects do not depend on each other both ways; the GPU backend builds on
/// the emitter and the program, the function users hold and the cache keys, not on lowering or the CPU runtime; the
/// command lines name none of the Backend's inner namespaces (they compile, export and print through the compile API
/// and the compiler's front, <c>Elim.Backend.JacobianCompiler</c>). Read
/// from the sources: a folder may name only the namespaces listed (by a using directive, a qualified name, or a
/// name relative to <c>Elim.Backend</c> such as <c>Cpu.X</c>).
/// </summary>
public class BackendLayeringTests
{
    private static readonly string[] Layers = ["Cache", "Cpu", "Emit", "Export", "Lowering", "Program", "Rules", "Runtime"];

    // source folder → the Backend namespaces (other than its own) it may name
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["src/Backend/Program"] = [],
        ["src/Backend/Rules"] = ["Program"],
        ["src/Backend/Lowering"] = ["Program", "Rules"],
        ["src/Backend/Runtime"] = ["Program"],
        ["src/Backend/Emit"] = ["Program", "Runtime"],
        ["src/Backend/Cpu"] = ["Emit", "Program", "Runtime"],
        ["src/Backend/Cache"] = ["Cpu"],
        ["src/Backend/Export"] = ["Emit", "Lowering", "Program"],
        ["src/Gpu"] = ["Cache", "Cpu", "Emit", "Program"],
        ["src/Cli"] = [],
        ["src/TorchTool"] = [],
    };

    public static TheoryData<string> Folders() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Folders))]
    public void NamesOnlyTheLayersBelow(string folder)
    {
        string own = Path.GetFileName(folder);
        var named = Directory.GetFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => NamedLayers(File.ReadAllText(f)).Select(layer => (File: Path.GetFileName(f), Layer: layer)))
            .Where(n => n.Layer != own && !Allowed[folder].Contains(n.Layer))
            .Distinct()
            .ToList();
        Assert.True(named.Count == 0, $"{folder} must not name {string.Join(", ", named.Select(n => $"Elim.Backend.{n.Layer} ({n.File})"))}.");
    }

    [Fact]
    public void TheCheckSeesEveryWayOfNamingALayer()
    {
        Assert.Equal(["Cpu"], NamedLayers("using Elim.Backend.Cpu;"));
        Assert.Equal(["Emit"], NamedLayers("var x = new Elim.Backend.Emit.BodyEmitter();"));
        Assert.Equal(["Runtime"], NamedLayers("/// <see cref=\"Runtime.VectorMath{T, TVector}\"/>"));
        Assert.Empty(NamedLayers("int n = code.Program.InputCount; // Program is a property here"));
    }

    /// <summary>The Backend layers a source text names; "Program." alone is too common (a property) to count.</summary>
    private static IEnumerable<string> NamedLayers(string source) =>
        Layers.Where(layer => Regex.IsMatch(source, $@"Elim\.Backend\.{layer}\b")
            || (layer != "Program" && Regex.IsMatch(source, $@"(?<![\w.]){layer}\.[A-Z]")));
}
