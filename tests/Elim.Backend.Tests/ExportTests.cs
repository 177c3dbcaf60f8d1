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

        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(exported.Path);
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
