using System.Collections.Concurrent;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>The graphs of the paper tasks and other examples, lowered once from examples/ by the frontend.</summary>
public static class TaskGraphs
{
    private static readonly ConcurrentDictionary<(string, string?), ComputationalGraph> Graphs = new();

    /// <summary>The paper task called <paramref name="name"/>.</summary>
    public static ComputationalGraph Of(string name) => Example(PaperTask.Named(name).File, null);

    /// <summary>Function <paramref name="function"/> (null: the default) of examples/<paramref name="file"/>.elim.</summary>
    public static ComputationalGraph Example(string file, string? function) =>
        Graphs.GetOrAdd((file, function), key => ElimFrontend.CompileFile(Repository.Example(key.Item1), key.Item2));

    /// <summary>The names of the paper tasks.</summary>
    public static TheoryData<string> Names() => new(PaperTask.All.Select(t => t.Name));

    /// <summary>Every example: file, function ("" for the default).</summary>
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, function, _) in ExamplePoints.All) data.Add(file, function ?? "");
        return data;
    }

    /// <summary>r = a^b: one power with a variable base and exponent.</summary>
    public static ComputationalGraph PowerOfTwoInputs()
    {
        var builder = new GraphBuilder("f");
        var a = builder.AddInput("a");
        var b = builder.AddInput("b");
        builder.MarkOutput("r", builder.Apply(OpKind.Pow, SourceSpan.None, a, b));
        return builder.Build();
    }
}
