using Elim.Backend.Cache;
using Elim.Backend.Lowering;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>
/// A big compile says how far it has come: the lowering's elimination steps, then (on <see cref="JacobianFunction.Prepare"/>)
/// the methods of its chunks as they are emitted and as the JIT finishes them; a small program, one method, says nothing
/// of methods.
/// </summary>
public sealed class CompileProgressTests
{
    private static readonly Lazy<ComputationalGraph> Big = new(() =>
        ElimFrontend.Compile(RandomBigPrograms.Generate(statements: 5_000, seed: 3), "big.elim"));

    private sealed class Recorder : IProgress<CompileProgress>
    {
        private readonly List<CompileProgress> _reports = [];

        public void Report(CompileProgress value)
        {
            lock (_reports) _reports.Add(value);
        }

        public List<CompileProgress> Of(string stage)
        {
            lock (_reports) return _reports.Where(r => r.Stage == stage).ToList();
        }

        public int Count
        {
            get { lock (_reports) return _reports.Count; }
        }
    }

    [Fact]
    public void Lowering_reports_its_steps_in_order_up_to_the_last()
    {
        var graph = Big.Value;
        var order = StandardOrders.Reverse(graph);
        var recorder = new Recorder();

        ProgramLowering.Jacobian(graph, order, recorder);

        var reports = recorder.Of(CompileProgress.Lowering);
        Assert.Equal(recorder.Count, reports.Count);
        Assert.InRange(reports.Count, 50, 101);
        Assert.All(reports, r => Assert.Equal(order.VertexIds.Count, r.Total));
        Assert.Equal(order.VertexIds.Count, reports[^1].Done);
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
    }

    [Fact]
    public void Prepare_reports_every_method_emitted_then_compiled_and_the_function_still_agrees()
    {
        var graph = Big.Value;
        var order = StandardOrders.Reverse(graph);
        var function = JacobianCompiler.Compile(graph, order, new CodeCache());
        var recorder = new Recorder();

        function.Prepare(recorder);

        int methods = function.Code.Methods(BatchLayout.PerPoint, vector: false).Count;
        Assert.True(methods > 1);
        var (emitted, compiled) = (recorder.Of(CompileProgress.Emitting), recorder.Of(CompileProgress.Compiling));
        Assert.Equal(recorder.Count, emitted.Count + compiled.Count);
        Assert.Equal(methods, emitted[^1].Done);
        Assert.Equal(methods, compiled.Max(r => r.Done));    // the JIT's threads report in any order
        Assert.All(emitted.Concat(compiled), r => Assert.Equal(methods, r.Total));
        CompiledMatchesInterpreterTests.AssertAgrees(graph, order, function, BigProgramTests.RandomPoint(graph, seed: 1));

        var again = new Recorder();
        function.Prepare(again);
        Assert.Equal(0, again.Count);
    }

    [Fact]
    public void A_small_program_is_one_method_and_reports_no_methods()
    {
        var graph = TaskGraphs.Of("RoeFlux_1d");
        var recorder = new Recorder();

        JacobianCompiler.Compile(graph, StandardOrders.Reverse(graph), new CodeCache()).Prepare(recorder);

        Assert.Equal(0, recorder.Count);
    }
}
