using System.Reflection;
using System.Runtime.InteropServices;

namespace Elim.Backend.Export;

/// <summary>
/// The base class of an exported assembly's class: System.Object as a project sees it. A project compiles against
/// reference assemblies, in which the core types live in System.Runtime; a class deriving from the runtime's own
/// System.Private.CoreLib.Object cannot be referenced (the compiler reports CS0012), while the methods' signatures
/// (double[], string[], void) are the metadata's built-in types and their bodies may call the runtime's types directly.
/// So the base class comes from System.Runtime's reference assembly in the SDK's reference pack beside this runtime;
/// without one (a runtime without the SDK, where no project is built) it is the runtime's, and the assembly still loads by
/// reflection.
/// </summary>
internal sealed class ExportBaseType : IDisposable
{
    private readonly MetadataLoadContext? _context;

    private ExportBaseType(MetadataLoadContext? context)
    {
        _context = context;
        Object = context?.CoreAssembly?.GetType("System.Object", throwOnError: true) ?? typeof(object);
    }

    /// <summary>System.Object of System.Runtime's reference assembly, else of the runtime.</summary>
    public Type Object { get; }

    /// <summary>Reads System.Runtime's reference assembly of this runtime's major version, where the SDK's reference pack has one.</summary>
    public static ExportBaseType Open() =>
        new(ReferenceAssembly("System.Runtime") is { } path ? new MetadataLoadContext(new PathAssemblyResolver([path]), "System.Runtime") : null);

    public void Dispose() => _context?.Dispose();

    // <dotnet>/shared/Microsoft.NETCore.App/<version>/ is the runtime; <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/netX.0/
    // holds the reference assemblies: this runtime's version if installed, else the newest of the same major version.
    private static string? ReferenceAssembly(string name)
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        if (runtime.Parent?.Parent?.Parent is not { } root) return null;
        var pack = new DirectoryInfo(Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref"));
        if (!pack.Exists) return null;
        int major = Environment.Version.Major;
        return pack.GetDirectories()
            .Select(d => (Directory: d, Version: Version.TryParse(d.Name.Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version?.Major == major)
            .OrderByDescending(d => d.Directory.Name == runtime.Name)
            .ThenByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Directory.FullName, "ref", $"net{major}.0", name + ".dll"))
            .FirstOrDefault(File.Exists);
    }
}
