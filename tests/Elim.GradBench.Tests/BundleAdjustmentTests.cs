using System.Text.Json;

namespace Elim.GradBench.Tests;

public class BundleAdjustmentTests
{
    private const string Define = """{"id": 0, "kind": "define", "module": "ba"}""";

    [Fact]
    public void Objective_is_sent_compressed_with_one_evaluate_timing_per_run()
    {
        var input = BaInputs.Small(p: 7) with { min_runs = 3 };
        var reply = ToolSession.Exchange(Define, ToolSession.Evaluate(1, "ba", "objective", input))[1];
        var output = reply.GetProperty("output");
        Assert.Equal(7, output.GetProperty("reproj_error").GetProperty("repeated").GetInt32());
        Assert.Equal(2, output.GetProperty("reproj_error").GetProperty("elements").GetArrayLength());
        Assert.Equal(1 - input.w * input.w, output.GetProperty("w_err").GetProperty("element").GetDouble(), 12);
        var timings = reply.GetProperty("timings").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(new[] { "prepare", "evaluate", "evaluate", "evaluate" }, timings);
    }

    [Fact]
    public void Jacobian_has_the_sparse_structure_of_the_cpp_tools()
    {
        const int n = 3, m = 5, p = 40;
        var input = BaInputs.Small(n, m, p);
        var output = ToolSession.Exchange(Define, ToolSession.Evaluate(1, "ba", "jacobian", input))[1].GetProperty("output");
        var rows = Ints(output, "rows");
        var cols = Ints(output, "cols");
        var vals = output.GetProperty("vals").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(31, rows.Length);
        Assert.Equal(Enumerable.Range(0, 30).Select(r => 15 * r).Append(31 * p), rows);   // 2p rows of 15, then p of 1
        int[] firstRow = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 * n, 11 * n + 1, 11 * n + 2, 11 * n + 3 * m];
        Assert.Equal(firstRow.Concat(firstRow).Append(11 * n + 3 * m + p - 1), cols);
        Assert.Equal(-2 * input.w, vals[^1], 12);                                                       // ∂(1 - w²)/∂w
    }

    [Fact]
    public void Jacobian_values_agree_with_differences_of_the_objective()
    {
        // The reprojection row's entry for the weight is proj - feat = err / w: from the objective.
        var input = BaInputs.Small();
        var replies = ToolSession.Exchange(Define, ToolSession.Evaluate(1, "ba", "objective", input), ToolSession.Evaluate(2, "ba", "jacobian", input));
        var errors = replies[1].GetProperty("output").GetProperty("reproj_error").GetProperty("elements").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var vals = replies[2].GetProperty("output").GetProperty("vals").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(errors[0] / input.w, vals[14], 9);
        Assert.Equal(errors[1] / input.w, vals[29], 9);
    }

    private static int[] Ints(JsonElement output, string name) => output.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
