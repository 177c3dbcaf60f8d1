using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Elim.Backend.Export;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>An exported assembly loads without Elim and gives the same numbers as the JIT-compiled function.</summary>
public sealed class ExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("elim-export-").FullName;

    [Theory]
    [MemberData(nameof(TaskGraphs.Names), MemberType = typeof(TaskGraphs))]
    public void TheExportedJacobianGivesTheSameNumbers(string name)
    {
        var graph = TaskGraphs.Of(name);
        var order = StandardOrders.MinimalMarkowitz(graph);
        var point = PaperTask.Named(name).TypicalPoint;
        var exported = AssemblyExporter.Export(graph, order, Path.Combine(_directory, name + ".dll"));
        Assert.Empty(exported.References);

        WithLoaded(exported.Path, assembly =>
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Elim", StringComparison.Ordinal));
            var type = assembly.GetType(exported.TypeName)!;
            var (outputs, jacobian) = AssertJacobianAsCompiled(type, graph, order, point);

            var primal = new double[graph.OutputCount];
            type.GetMethod("Evaluate")!.Invoke(null, [point, primal]);
            Assert.Equal(outputs, primal);
            Assert.Equal(graph.InputNames, (string[])type.GetMethod("InputNames")!.Invoke(null, null)!);

            var error = Assert.Throws<TargetInvocationException>(() =>
                type.GetMethod("Jacobian")!.Invoke(null, [new double[1], outputs, jacobian]));
            Assert.Equal("x", Assert.IsType<ArgumentException>(error.InnerException).ParamName);
        });
    }

    [Fact]
    public void AFunctionWithDataTakesThemAfterX()
    {
        var graph = BranchGraphs.Piecewise();
        var order = StandardOrders.Reverse(graph);
        var exported = AssemblyExporter.Export(graph, order, Path.Combine(_directory, "piecewise.dll"));
        Assert.Equal(2, exported.DataCount);
        WithLoaded(exported.Path, assembly =>
        {
            var type = assembly.GetType(exported.TypeName)!;
            Assert.Equal(["w", "t"], (string[])type.GetMethod("DataNames")!.Invoke(null, null)!);
            var function = Compile.Jacobian(graph, order);
            foreach (var (point, data) in BranchGraphs.PiecewisePoints())
            {
                var (outputs, jacobian) = (new double[5], new double[10]);
                type.GetMethod("Jacobian")!.Invoke(null, [point, data, outputs, jacobian]);
                var (expectedOutputs, expectedJacobian) = (new double[5], new double[10]);
                function.Evaluate(point, data, expectedOutputs, expectedJacobian);
                Assert.Equal(expectedOutputs, outputs);
                Assert.Equal(expectedJacobian, jacobian);
                var primal = new double[5];
                type.GetMethod("Evaluate")!.Invoke(null, [point, data, primal]);
                Assert.Equal(expectedOutputs, primal);
            }
            var error = Assert.Throws<TargetInvocationException>(() =>
                type.GetMethod("Evaluate")!.Invoke(null, [new double[2], new double[3], new double[5]]));
            Assert.Equal("data", Assert.IsType<ArgumentException>(error.InnerException).ParamName);
        });
    }

    /// <summary>The exported <paramref name="type"/>'s Jacobian at <paramref name="point"/>, asserted equal to the JIT-compiled one.</summary>
    internal static (double[] Outputs, double[] Jacobian) AssertJacobianAsCompiled(Type type, ComputationalGraph graph, EliminationOrder order,
        double[] point)
    {
        var outputs = new double[graph.OutputCount];
        var jacobian = new double[graph.OutputCount * graph.InputCount];
        type.GetMethod("Jacobian")!.Invoke(null, [point, outputs, jacobian]);
        var (expectedOutputs, expectedJacobian) = Compile.At(Compile.Jacobian(graph, order), point);
        Assert.Equal(expectedOutputs, outputs);
        Assert.Equal(expectedJacobian, jacobian);
        return (outputs, jacobian);
    }

    /// <summary>
    /// Runs <paramref name="use"/> on the assembly at <paramref name="path"/>, loaded from bytes, not the file (deleted at the end),
    /// and unloaded before the test ends: a collectible context still mapping a deleted file crashed the test host now and then.
    /// </summary>
    internal static void WithLoaded(string path, Action<Assembly> use)
    {
        var context = new AssemblyLoadContext(Path.GetFileName(path), isCollectible: true);
        var unloaded = new WeakReference(context);
        try
        {
            using var image = new MemoryStream(File.ReadAllBytes(path));
            use(context.LoadFromStream(image));
        }
        finally
        {
            context.Unload();
        }
        for (int i = 0; i < 20 && unloaded.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [Fact]
    public void ErfMakesTheExportReferenceElimGraph()
    {
        var builder = new GraphBuilder("bell");
        var x = builder.AddInput("x");
        builder.MarkOutput("y", builder.Apply(OpKind.Erf, SourceSpan.None, x));
        var graph = builder.Build();
        var exported = AssemblyExporter.Export(graph, StandardOrders.Forward(graph), Path.Combine(_directory, "bell.dll"));
        Assert.Equal(["Elim.Graph"], exported.References);
    }

    /// <summary>
    /// A project compiles against reference assemblies, where System.Object lives in System.Runtime: a class deriving
    /// from the runtime's System.Private.CoreLib cannot be referenced (CS0012), so the exported class must derive from
    /// System.Runtime's. (Test hosts run where the SDK, and so its reference pack, is installed.)
    /// </summary>
    [Fact]
    public void TheExportedClassDerivesFromSystemRuntimesObjectSoThatProjectsCanReferenceIt()
    {
        var graph = TaskGraphs.Of("RoeFlux_1d");
        var exported = AssemblyExporter.Export(graph, StandardOrders.Reverse(graph), Path.Combine(_directory, "referenceable.dll"));
        using var file = new PEReader(File.OpenRead(exported.Path));
        var metadata = file.GetMetadataReader();
        var type = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Single(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name) == exported.TypeName);
        var baseType = metadata.GetTypeReference((TypeReferenceHandle)type.BaseType);
        Assert.Equal("System.Object", metadata.GetString(baseType.Namespace) + "." + metadata.GetString(baseType.Name));
        var scope = metadata.GetAssemblyReference((AssemblyReferenceHandle)baseType.ResolutionScope);
        Assert.Equal("System.Runtime", metadata.GetString(scope.Name));
        Assert.Equal(Environment.Version.Major, scope.Version.Major);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
