using Elim.Graph;

namespace Elim.Graph.Tests;

public class GraphBuilderTests
{
    [Fact]
    public void NumbersVerticesInApplicationOrderAndFoldsConstants()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        var folded = builder.Apply(OpKind.Sub, SourceSpan.None, Operand.Constant(0.5), Operand.Constant(1));
        var scaled = builder.Apply(OpKind.Mul, SourceSpan.None, folded, x);
        var square = builder.IntegerPower(y, 2, SourceSpan.None);
        var sum = builder.Apply(OpKind.Add, SourceSpan.None, scaled, square);
        builder.MarkOutput("s", sum);
        var graph = builder.Build();

        Assert.Equal(-0.5, folded.Value);
        Assert.Equal(["1:mul(-0.5,x)", "2:y^2", "3:add(v1,v2)*"], GraphPrinter.Lines(graph));
        Assert.Equal(4, graph.Edges.Count);
        Assert.Equal([1, 2], graph.EliminableVertices);
    }

    [Fact]
    public void DataInputsAndComparisonsGiveNoEdges()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        var w = builder.AddData("w");
        var scaled = builder.Apply(OpKind.Mul, SourceSpan.None, x, w);          // 1: one edge, from x
        var shifted = builder.Apply(OpKind.Add, SourceSpan.None, w, Operand.Constant(1)); // 2: passive
        var positive = builder.Apply(OpKind.Less, SourceSpan.None, Operand.Constant(0), x); // 3: passive
        var chosen = builder.Apply(OpKind.Select, SourceSpan.None, positive, scaled, shifted); // 4: edge from v1 only
        builder.MarkOutput("y", chosen);
        var graph = builder.Build();

        Assert.Equal(["1:mul(x,w)", "2:add(w,1)", "3:less(0,x)", "4:select(v3,v1,v2)*"], GraphPrinter.Lines(graph));
        Assert.Equal([new Edge(0, 1), new Edge(1, 4)], graph.Edges);
        Assert.Equal([1], graph.EliminableVertices);
        Assert.False(graph.IsActive(graph.NodeOf(2)));
        Assert.False(graph.IsActive(graph.NodeOf(3)));
        Assert.Equal(1, graph.DataCount);

        Assert.Equal([2 * 3.0], Interpreter.Evaluate(graph, [2.0], [3.0]));
        Assert.Equal(3.0, Interpreter.ForwardJacobian(graph, [2.0], [3.0])[0, 0]);
        Assert.Equal([-1 + 1.0], Interpreter.Evaluate(graph, [-2.0], [-1.0]));
        Assert.Equal(0.0, Interpreter.ReverseJacobian(graph, [-2.0], [-1.0])[0, 0]);
        Assert.Throws<ArgumentException>(() => Interpreter.Evaluate(graph, [2.0]));
    }

    [Fact]
    public void StopGradientPassesTheValueButNoPartial()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        var stopped = builder.Apply(OpKind.StopGradient, SourceSpan.None, x);
        builder.MarkOutput("y", builder.Apply(OpKind.Mul, SourceSpan.None, stopped, x));
        var graph = builder.Build();

        Assert.Equal([9.0], Interpreter.Evaluate(graph, [3.0]));
        Assert.Equal(3.0, Interpreter.ForwardJacobian(graph, [3.0])[0, 0]);
        Assert.Empty(graph.EliminableVertices);
    }

    [Fact]
    public void SelectWithAConstantConditionIsTheArmItPicks()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        Assert.Equal(x, builder.Apply(OpKind.Select, SourceSpan.None, Operand.Constant(1), x, Operand.Constant(2)));
        Assert.Equal(Operand.Constant(2), builder.Apply(OpKind.Select, SourceSpan.None, Operand.Constant(0), x, Operand.Constant(2)));
        Assert.Equal(0, builder.VertexCount);
    }

    [Fact]
    public void RepeatedOperandGivesOneEdgeWithSummedPartial()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        var product = builder.Apply(OpKind.Mul, SourceSpan.None, x, x);
        builder.MarkOutput("p", product);
        var graph = builder.Build();

        Assert.Single(graph.Edges);
        Assert.Equal(2 * 1.5, Interpreter.ForwardJacobian(graph, [1.5])[0, 0]);
    }

    [Fact]
    public void OutputThatLaterOperationsReadStaysEliminable()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        var s = builder.Apply(OpKind.Sin, SourceSpan.None, x);
        builder.MarkOutput("s", s);
        var t = builder.Apply(OpKind.Mul, SourceSpan.None, s, x);
        builder.MarkOutput("t", t);
        var graph = builder.Build();

        Assert.Equal([1], graph.EliminableVertices);
        var jacobian = Interpreter.EliminationJacobian(graph, [0.7], new EliminationOrder([1]));
        Assert.Equal(Math.Cos(0.7), jacobian[0, 0], 1e-15);
        Assert.Equal(Math.Cos(0.7) * 0.7 + Math.Sin(0.7), jacobian[1, 0], 1e-15);
    }

    [Fact]
    public void CopyOfAConstantIsAVertexWithoutEdges()
    {
        var builder = new GraphBuilder("f");
        builder.AddInput("x");
        builder.MarkOutput("c", builder.Copy(Operand.Constant(2), SourceSpan.None));
        var graph = builder.Build();

        Assert.Equal(["1:copy(2)*"], GraphPrinter.Lines(graph));
        Assert.Equal(0, Interpreter.ReverseJacobian(graph, [3])[0, 0]);
        Assert.Equal([2.0], Interpreter.Evaluate(graph, [3]));
    }

    [Fact]
    public void RejectsMisuse()
    {
        var builder = new GraphBuilder("f");
        var x = builder.AddInput("x");
        Assert.Throws<ArgumentException>(() => builder.MarkOutput("x", x));
        Assert.Throws<ArgumentException>(() => builder.Apply(OpKind.Add, SourceSpan.None, x));
        Assert.Throws<ArgumentException>(() => builder.Apply(OpKind.Sin, SourceSpan.None, Operand.Vertex(5)));
        var v = builder.Apply(OpKind.Sin, SourceSpan.None, x);
        builder.MarkOutput("s", v);
        Assert.Throws<ArgumentException>(() => builder.MarkOutput("t", v));
        Assert.Throws<InvalidOperationException>(() => builder.AddInput("late"));
        Assert.Throws<InvalidOperationException>(() => new GraphBuilder("empty").Build());
    }

    [Fact]
    public void RefusesTheVertexPastItsLimitButStillFoldsConstants()
    {
        var builder = new GraphBuilder("f", maxVertices: 2);
        var x = builder.AddInput("x");
        var a = builder.Apply(OpKind.Sin, SourceSpan.None, x);
        builder.Apply(OpKind.Cos, SourceSpan.None, a);

        var error = Assert.Throws<VertexLimitException>(() => builder.Apply(OpKind.Exp, SourceSpan.None, a));
        Assert.Equal(2, error.Limit);
        Assert.Equal(2, builder.VertexCount);
        Assert.True(builder.Apply(OpKind.Exp, SourceSpan.None, Operand.Constant(0)).IsConstant);
    }
}
