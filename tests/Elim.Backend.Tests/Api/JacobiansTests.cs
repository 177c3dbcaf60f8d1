using Elim.Backend.Cache;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests.Api;

/// <summary>The front door: text or file in, the chosen order, a working JacobianFunction out.</summary>
public sealed class JacobiansTests : IDisposable
{
    private const string Source = """
        function polar(r, theta) -> (x, y) {
            x = r * cos(theta);
            y = r * sin(theta);
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("elim-api-").FullName;
    private readonly CodeCache _cache = new();

    private CompileOptions Options(OrderSource order) =>
        new() { Order = order, Store = new OrderStore(Path.Combine(_directory, "orders")), Cache = _cache };

    [Fact]
    public void TextCompilesToAFunctionWithNamesCostsAndTheRightJacobian()
    {
        var polar = Jacobians.Compile(Source, Options(OrderSource.Reverse));
        Assert.Equal(["r", "theta"], polar.InputNames);
        Assert.Equal(["x", "y"], polar.OutputNames);
        Assert.True(polar.EmittedCost <= polar.MarkowitzCost);
        var outputs = new double[2];
        var jacobian = new double[4];
        polar.Evaluate([2.0, 0.5], outputs, jacobian);
        Assert.Equal(2 * Math.Cos(0.5), outputs[0], 15);
        Assert.Equal([Math.Cos(0.5), -2 * Math.Sin(0.5), Math.Sin(0.5), 2 * Math.Cos(0.5)], jacobian);
    }

    [Fact]
    public void AGraphWithDataCompilesAndTakesItsDataPerCall()
    {
        var graph = BranchGraphs.Piecewise();
        var function = Jacobians.Compile(graph, Options(OrderSource.MinimalMarkowitz));
        Assert.Equal(["w", "t"], function.DataNames);
        var (point, data) = BranchGraphs.PiecewisePoints()[0];
        var outputs = new double[function.OutputCount];
        var jacobian = new double[function.OutputCount * function.InputCount];
        function.Evaluate(point, data, outputs, jacobian);
        Assert.Equal(Interpreter.Evaluate(graph, point, data), outputs);
        var path = Path.Combine(_directory, "piecewise.dll");
        Assert.Equal(2, Jacobians.Export(graph, path, Options(OrderSource.Reverse)).DataCount);
    }

    [Fact]
    public void FilesCompileAndEveryOrderSourceGivesItsOrder()
    {
        string path = Repository.Example("roe_flux_1d");
        var graph = ElimFrontend.CompileFile(path);
        Assert.Equal(StandardOrders.Forward(graph).VertexIds, Jacobians.CompileFile(path, Options(OrderSource.Parse("fwd"))).Order.VertexIds);
        Assert.Equal(StandardOrders.Reverse(graph).VertexIds, Jacobians.CompileFile(path, Options(OrderSource.Parse("rev"))).Order.VertexIds);
        Assert.Equal(StandardOrders.MinimalMarkowitz(graph).VertexIds,
            Jacobians.CompileFile(path, Options(OrderSource.Parse("markowitz"))).Order.VertexIds);
        string orderFile = Path.Combine(_directory, "roe.json");
        var published = ReferenceOrders.AlphaGrad(PaperTask.Named("RoeFlux_1d"));
        File.WriteAllText(orderFile, OrderFile.For(graph, published, "alphagrad").ToJson());
        var fromFile = Jacobians.CompileFile(path, Options(OrderSource.Parse(orderFile)));
        Assert.Equal(published.VertexIds, fromFile.Order.VertexIds);
        Assert.Equal(320, fromFile.MarkowitzCost);
    }

    [Fact]
    public void BestUsesTheStoredOrderAndFallsBackToTheCheapestStandardOrder()
    {
        var options = Options(OrderSource.Best);
        string path = Repository.Example("roe_flux_1d");
        var graph = ElimFrontend.CompileFile(path);
        // RoeFlux_1d: reverse 364 beats minimal Markowitz 407 and forward 620.
        Assert.Equal(StandardOrders.Reverse(graph).VertexIds, Jacobians.CompileFile(path, options).Order.VertexIds);
        Assert.StartsWith("reverse (the cheapest", Jacobians.ResolveOrder(graph, options).Method);
        var published = ReferenceOrders.AlphaGrad(PaperTask.Named("RoeFlux_1d"));
        Assert.True(options.Store!.Offer(graph, published, "alphagrad"));
        var (order, method) = Jacobians.ResolveOrder(graph, options);
        Assert.Equal(published.VertexIds, order.VertexIds);
        Assert.Contains("alphagrad", method);
        Assert.Equal(320, Jacobians.CompileFile(path, options).MarkowitzCost);
    }

    [Fact]
    public void FunctionsAreChosenByNameAndCompilesOfOneShapeShareCode()
    {
        string path = Repository.Example("black_scholes");
        var price = Jacobians.CompileFile(path, Options(OrderSource.Reverse) with { Function = "black_scholes" });
        Assert.Equal("black_scholes", price.Name);
        var again = Jacobians.Compile(File.ReadAllText(path), Options(OrderSource.Reverse) with { Function = "black_scholes" });
        Assert.Same(price.Code, again.Code);
    }

    [Fact]
    public void AFileWithSeveralTopFunctionsCompilesTheOneNamedLikeIt()
    {
        // black_scholes.elim defines black_scholes and black_scholes_gradient, neither called by the other; elim reads
        // it the same way (GraphLoader goes through the same ElimFrontend.Compile).
        Assert.Equal("black_scholes", Jacobians.CompileFile(Repository.Example("black_scholes"), Options(OrderSource.Reverse)).Name);
    }

    [Fact]
    public void EveryFunctionSaysWhereItsOrderCameFrom()
    {
        string path = Repository.Example("roe_flux_1d");
        var graph = ElimFrontend.CompileFile(path);
        Assert.Equal("reverse (the cheapest of markowitz, reverse and forward; nothing stored)", Jacobians.CompileFile(path, Options(OrderSource.Best)).OrderOrigin);
        Assert.Equal("rev", Jacobians.CompileFile(path, Options(OrderSource.Parse("rev"))).OrderOrigin);
        Assert.Equal("explicit", Jacobians.CompileFile(path, Options(OrderSource.Explicit(StandardOrders.Forward(graph)))).OrderOrigin);
        string orderFile = Path.Combine(_directory, "annealed.json");
        File.WriteAllText(orderFile, OrderFile.For(graph, StandardOrders.Reverse(graph), "anneal").ToJson());
        Assert.Equal("anneal", Jacobians.CompileFile(path, Options(OrderSource.FromFile(orderFile))).OrderOrigin);
        new OrderStore(Path.Combine(_directory, "orders")).Offer(graph, StandardOrders.Reverse(graph), "anneal");
        Assert.Equal("stored anneal", Jacobians.CompileFile(path, Options(OrderSource.Best)).OrderOrigin);
        Assert.Equal("explicit", JacobianCompiler.Compile(graph, StandardOrders.Reverse(graph), _cache).OrderOrigin);
    }

    [Fact]
    public void BadSourceAndForeignOrdersGiveClearErrors()
    {
        var diagnostic = Assert.Throws<DiagnosticException>(() => Jacobians.Compile("function f(x) -> (y) { y = nope(x); }", Options(OrderSource.Forward)));
        Assert.Contains("nope", diagnostic.Message);
        string foreign = Path.Combine(_directory, "foreign.json");
        var robot = ElimFrontend.CompileFile(Repository.Example("robot_arm_6dof"));
        File.WriteAllText(foreign, OrderFile.For(robot, StandardOrders.Forward(robot), "fwd").ToJson());
        var error = Assert.Throws<InvalidOrderException>(() => Jacobians.Compile(Source, Options(OrderSource.FromFile(foreign))));
        Assert.Contains("another graph", error.Message);
        Assert.Throws<InvalidOrderException>(() => Jacobians.Compile(Source, Options(OrderSource.FromFile(Path.Combine(_directory, "missing.json")))));
    }

    [Fact]
    public void AnUnknownOrderNameOrAnEmptyPathSaysWhatAnOrderIs()
    {
        foreach (string text in (string[])["markowitzz", ""])
        {
            var error = Assert.Throws<InvalidOrderException>(() => Jacobians.Compile(Source, Options(OrderSource.Parse(text))));
            Assert.EndsWith(". An order is best, fwd, rev, markowitz (OrderSource.Parse) or the path of an order file.", error.Message);
        }
    }

    [Fact]
    public void NullArgumentsAndABadLimitAreArgumentErrors()
    {
        var graph = ElimFrontend.Compile(Source, "polar.elim");
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Jacobians.Compile((string)null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Jacobians.CompileFile(null!)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => Jacobians.Compile((ComputationalGraph)null!)).ParamName);
        Assert.Equal("Order", Assert.Throws<ArgumentNullException>(() => new CompileOptions { Order = null! }).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => OrderSource.Parse(null!)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentNullException>(() => OrderSource.Explicit(null!)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentNullException>(() => JacobianCompiler.Compile(graph, null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Jacobians.Export(graph, null!)).ParamName);
        Assert.Equal("MaxVertices", Assert.Throws<ArgumentOutOfRangeException>(() => new CompileOptions { MaxVertices = 0 }).ParamName);
    }

    [Fact]
    public void ExportWritesAnAssemblyWithTheChosenOrder()
    {
        var graph = ElimFrontend.Compile(Source, "polar.elim");
        var exported = Jacobians.Export(graph, Path.Combine(_directory, "Polar.dll"), Options(OrderSource.Forward));
        Assert.True(File.Exists(exported.Path));
        Assert.Equal("Elim.Exported.polar", exported.TypeName);
        Assert.Equal(JacobianCompiler.Compile(graph, StandardOrders.Forward(graph), _cache).EmittedCost, exported.EmittedCost);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
