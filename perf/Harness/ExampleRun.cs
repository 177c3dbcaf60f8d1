using Elim.Backend;
using Elim.Frontend;
using Elim.Graph;
using Elim.Perf.Contenders;
using Elim.Testing;

namespace Elim.Perf;

/// <summary>Everything measured on one example: its contenders (verified first) and their timings.</summary>
public sealed class ExampleRun
{
    private ExampleRun(string name, ComputationalGraph graph, double[] point) => (Name, Graph, Point) = (name, graph, point);

    public string Name { get; }
    public ComputationalGraph Graph { get; }
    public double[] Point { get; }

    /// <summary>Milliseconds from text to the first Jacobian (<see cref="CompileTiming"/>).</summary>
    public (double FirstMilliseconds, double MedianMilliseconds) Compile { get; private init; }

    /// <summary>The compiled Elim contenders, for the cost columns of the report.</summary>
    public List<ElimContender> Compiled { get; } = [];

    /// <summary>Every in-process contender.</summary>
    public List<IContender> Contenders { get; } = [];

    /// <summary>Loads example <paramref name="name"/> at its typical point and compiles its contenders.</summary>
    public static ExampleRun Prepare(string name)
    {
        var (file, function, point) = ExamplePoints.All.First(e => e.File == name);
        var graph = ElimFrontend.CompileFile(Repository.Example(file), function);
        var run = new ExampleRun(name, graph, point) { Compile = CompileTiming.Measure(Repository.Example(file), function, point) };
        var orders = new (string Name, EliminationOrder Order)[]
        {
            ("elim-forward", StandardOrders.Forward(graph)),
            ("elim-reverse", StandardOrders.Reverse(graph)),
            ("elim-markowitz", StandardOrders.MinimalMarkowitz(graph)),
        };
        // The same "best" that elim bench, elim compile and the compile API use.
        var (best, bestMethod) = BestOrder.Resolve(graph, OrderStore.Default());
        foreach (var (contenderName, order) in orders.Append(("elim-best", best)))
        {
            var compiled = new ElimContender(contenderName, graph, order);
            run.Compiled.Add(compiled);
            run.Contenders.Add(compiled);
        }
        run.Contenders.Add(new PrimalContender(graph));
        run.Contenders.Add(new WriteFloorContender(graph));
        run.Contenders.Add(new InterpreterContender(graph));
        run.Contenders.Add(new TorchSharpContender(graph));
        if (name == "roe_flux_1d") run.Contenders.Add(new HandWrittenContender());
        run.BestOrderSource = bestMethod;
        return run;
    }

    /// <summary>Where elim-best's order came from, for the report.</summary>
    public string BestOrderSource { get; private set; } = "";

    /// <summary>
    /// Checks every contender's Jacobian at point 0 against the reference interpreter (1e-10, scaled by the
    /// rounding scale); returns the names of those that disagree, which the harness then does not time.
    /// </summary>
    public List<string> Verify(Batch batch, double[]? pyTorchJacobian)
    {
        var point = batch.Point(0);
        var reference = Interpreter.ForwardJacobian(Graph, point);
        var scale = RoundingScale.Of(Graph, point);
        var wrong = new List<string>();
        foreach (var contender in Contenders.Where(c => c is not (PrimalContender or WriteFloorContender)))
        {
            if (!Agrees(contender.FirstJacobian(batch))) wrong.Add(contender.Name);
        }
        if (pyTorchJacobian is { Length: > 0 } && !Agrees(pyTorchJacobian)) wrong.Add("pytorch");
        return wrong;

        bool Agrees(double[] flat)
        {
            if (flat.Length != reference.Length) return false;
            var jacobian = new double[Graph.OutputCount, Graph.InputCount];
            Buffer.BlockCopy(flat, 0, jacobian, 0, flat.Length * sizeof(double));
            return JacobianComparison.FirstMismatch(reference, jacobian, 1e-10, scale: scale) is null;
        }
    }
}
