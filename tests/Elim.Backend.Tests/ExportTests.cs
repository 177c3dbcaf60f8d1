using System.Reflection;
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

        // Loaded from bytes, not the file (deleted at the end), and unloaded before the test ends: a
        // collectible context still mapping a deleted file crashed the test host now and then.
        var context = new AssemblyLoadContext(name, isCollectible: true);
        var unloaded = new WeakReference(context);
        try
        {
            using var image = new MemoryStream(File.ReadAllBytes(exported.Path));
            var assembly = context.LoadFromStream(image);
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Elim", StringComparison.Ordinal));
            var type = assembly.GetType(exported.TypeName)!;
            var outputs = new double[graph.OutputCount];
            var jacobian = new double[graph.OutputCount * graph.InputCount];
            type.GetMethod("Jacobian")!.Invoke(null, [point, outputs, jacobian]);
            var (expectedOutputs, expectedJacobian) = Compile.At(Compile.Jacobian(graph, order), point);
            Assert.Equal(expectedOutputs, outputs);
            Assert.Equal(expectedJacobian, jacobian);

            var primal = new double[graph.OutputCount];
            type.GetMethod("Evaluate")!.Invoke(null, [point, primal]);
            Assert.Equal(expectedOutputs, primal);
            Assert.Equal(graph.InputNames, (string[])type.GetMethod("InputNames")!.Invoke(null, null)!);

            var error = Assert.Throws<TargetInvocationException>(() =>
                type.GetMethod("Jacobian")!.Invoke(null, [new double[1], outputs, jacobian]));
            Assert.Equal("x", Assert.IsType<ArgumentException>(error.InnerException).ParamName);
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
