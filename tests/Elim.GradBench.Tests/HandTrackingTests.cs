using System.Text.Json;

namespace Elim.GradBench.Tests;

public class HandTrackingTests
{
    private const string Define = """{"id": 0, "kind": "define", "module": "ht"}""";

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(true, 4)]
    public void Jacobian_agrees_with_central_differences_of_the_objective(bool complicated, int seed)
    {
        var theta = HandInputs.RandomTheta(seed);
        const double h = 1e-6;
        var messages = new List<string> { Define, ToolSession.Evaluate(1, "ht", "jacobian", HandInputs.Create(seed, complicated, theta)) };
        for (var k = 0; k < 26; k++)
            foreach (var sign in new[] { 1, -1 })
            {
                var shifted = (double[])theta.Clone();
                shifted[k] += sign * h;
                messages.Add(ToolSession.Evaluate(messages.Count, "ht", "objective", HandInputs.Create(seed, complicated, shifted)));
            }
        var replies = ToolSession.Exchange([.. messages]);
        Assert.All(replies, r => Assert.True(r.GetProperty("success").GetBoolean(), r.GetRawText()));
        var jacobian = replies[1].GetProperty("output").EnumerateArray().Select(Doubles).ToArray();
        var uColumns = complicated ? 2 : 0;
        Assert.Equal(27, jacobian.Length);                          // 9 correspondences × 3
        Assert.All(jacobian, row => Assert.Equal(uColumns + 26, row.Length));
        for (var k = 0; k < 26; k++)
        {
            var plus = Doubles(replies[2 + 2 * k].GetProperty("output"));
            var minus = Doubles(replies[3 + 2 * k].GetProperty("output"));
            for (var r = 0; r < jacobian.Length; r++)
                Assert.Equal((plus[r] - minus[r]) / (2 * h), jacobian[r][uColumns + k], 5);
        }
    }

    [Fact]
    public void The_u_columns_agree_with_differences_in_u()
    {
        // err = point - (u0 a + u1 b + (1 - u0 - u1) c): ∂err/∂u0 = c - a. Checked on the objective's own numbers
        // by moving every correspondence's u0 at once (each row depends on its own u only).
        var theta = HandInputs.RandomTheta(5);
        var input = HandInputs.Create(5, complicated: true, theta);
        var shifted = HandInputs.Create(5, complicated: true, theta);
        const double h = 1e-6;
        shifted["us"] = ((double[][])input["us"]).Select(u => new[] { u[0] + h, u[1] }).ToArray();
        var replies = ToolSession.Exchange(Define, ToolSession.Evaluate(1, "ht", "jacobian", input),
            ToolSession.Evaluate(2, "ht", "objective", input), ToolSession.Evaluate(3, "ht", "objective", shifted));
        var jacobian = replies[1].GetProperty("output").EnumerateArray().Select(Doubles).ToArray();
        var at = Doubles(replies[2].GetProperty("output"));
        var moved = Doubles(replies[3].GetProperty("output"));
        for (var r = 0; r < jacobian.Length; r++) Assert.Equal((moved[r] - at[r]) / h, jacobian[r][0], 5);
    }

    [Fact]
    public void A_model_with_another_skeleton_is_refused()
    {
        var input = HandInputs.Create(1, complicated: false, HandInputs.RandomTheta(1));
        var model = (Dictionary<string, object>)((Dictionary<string, object>)input["data"])["model"];
        model["parents"] = Enumerable.Repeat(0, 22).Prepend(-1).Take(22).ToArray();
        var reply = ToolSession.Exchange(Define, ToolSession.Evaluate(1, "ht", "jacobian", input))[1];
        ProtocolTests.AssertFailure(reply, "is not ADBench's 22-bone hand");
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
