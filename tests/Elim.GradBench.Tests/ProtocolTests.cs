using System.Text.Json;

namespace Elim.GradBench.Tests;

public class ProtocolTests
{
    [Fact]
    public void Start_and_analysis_are_acknowledged_with_their_id()
    {
        var replies = ToolSession.Exchange("""{"id": 0, "kind": "start", "eval": "ba"}""", """{"id": 7, "kind": "analysis", "of": 3, "valid": true}""");
        Assert.Equal(0, replies[0].GetProperty("id").GetInt32());
        Assert.Equal("elim", replies[0].GetProperty("tool").GetString());
        Assert.Equal("""{"id":7}""", replies[1].GetRawText());
    }

    [Fact]
    public void Malformed_json_gets_an_error_and_the_session_goes_on()
    {
        var replies = ToolSession.Exchange("{\"id\": 0, \"kind\": ", """{"id": 1, "kind": "start"}""");
        Assert.Equal(2, replies.Length);
        AssertFailure(replies[0], "malformed message");
        Assert.Equal(JsonValueKind.Null, replies[0].GetProperty("id").ValueKind);
        Assert.Equal(1, replies[1].GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_message_without_id_or_kind_gets_an_error()
    {
        var replies = ToolSession.Exchange("""{"kind": "start"}""", """{"id": 2}""", "[1, 2]");
        AssertFailure(replies[0], "no integer 'id'");
        AssertFailure(replies[1], "no field 'kind'");
        AssertFailure(replies[2], "no integer 'id'");
    }

    [Fact]
    public void Unknown_module_is_refused_at_define()
    {
        var reply = ToolSession.Exchange("""{"id": 1, "kind": "define", "module": "gmm"}""").Single();
        Assert.Equal(1, reply.GetProperty("id").GetInt32());
        AssertFailure(reply, "unknown module 'gmm'");
    }

    [Fact]
    public void Evaluate_before_define_is_refused()
    {
        var reply = ToolSession.Exchange(ToolSession.Evaluate(4, "ba", "objective", BaInputs.Small())).Single();
        AssertFailure(reply, "module 'ba' is not defined");
    }

    [Fact]
    public void Unknown_function_and_bad_input_are_refused_and_the_session_goes_on()
    {
        var replies = ToolSession.Exchange(
            """{"id": 1, "kind": "define", "module": "ba"}""",
            ToolSession.Evaluate(2, "ba", "hessian", BaInputs.Small()),
            ToolSession.Evaluate(3, "ba", "objective", new { n = 1, m = 1 }),
            ToolSession.Evaluate(4, "ba", "objective", BaInputs.Small() with { cam = [1.0, 2.0] }),
            ToolSession.Evaluate(5, "ba", "objective", BaInputs.Small()));
        Assert.True(replies[0].GetProperty("success").GetBoolean());
        AssertFailure(replies[1], "ba has no function 'hessian'");
        AssertFailure(replies[2], "no field 'p'");
        AssertFailure(replies[3], "'cam' must have 11 elements, got 2");
        Assert.Equal(5, replies[4].GetProperty("id").GetInt32());
        Assert.True(replies[4].GetProperty("success").GetBoolean());
    }

    [Fact]
    public void Define_reports_the_compile_time()
    {
        var reply = ToolSession.Exchange("""{"id": 1, "kind": "define", "module": "ht"}""").Single();
        Assert.True(reply.GetProperty("success").GetBoolean());
        var timing = reply.GetProperty("timings").EnumerateArray().Single();
        Assert.Equal("compile", timing.GetProperty("name").GetString());
        Assert.True(timing.GetProperty("nanoseconds").GetInt64() > 0);
    }

    internal static void AssertFailure(JsonElement reply, string errorPart)
    {
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains(errorPart, reply.GetProperty("error").GetString());
    }
}
