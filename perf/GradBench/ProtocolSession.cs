using System.Text.Json;

namespace Elim.GradBench;

/// <summary>
/// GradBench's tool side of the protocol: one JSON message per line in, one response per line out, with the
/// message's id. "define" compiles an eval's functions, "evaluate" runs one; every other kind is acknowledged.
/// Whatever goes wrong with a message (malformed JSON, unknown module or function, bad input) is answered with
/// <c>"success": false</c> and an error, and the session goes on.
/// </summary>
internal sealed class ProtocolSession(ElimSources sources, int threads)
{
    private static readonly Dictionary<string, Func<ElimSources, int, IEval>> Modules = new()
    {
        ["ba"] = (s, t) => new BundleAdjustment(s, t),
        ["ht"] = (s, t) => new HandTracking(s, t),
    };

    private readonly Dictionary<string, IEval> _defined = [];

    /// <summary>Answers every line of <paramref name="input"/> until it ends.</summary>
    public void Run(TextReader input, Stream output)
    {
        using var buffered = new BufferedStream(output, 1 << 20);
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            Respond(line, buffered);
            buffered.WriteByte((byte)'\n');
            buffered.Flush();
        }
    }

    private void Respond(string line, Stream output)
    {
        using var writer = new Utf8JsonWriter(output);
        JsonDocument message;
        try { message = JsonDocument.Parse(line); }
        catch (JsonException e)
        {
            WriteFailure(writer, null, $"malformed message (not JSON): {e.Message}");
            return;
        }
        using (message)
        {
            var root = message.RootElement;
            long? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i) && i.TryGetInt64(out var v) ? v : null;
            try
            {
                if (id is null) throw new EvalInputException("malformed message: no integer 'id'");
                var kind = JsonInput.String(JsonInput.Field(root, "kind"), "kind");
                switch (kind)
                {
                    case "start": WriteStart(writer, id.Value); break;
                    case "define": WriteDefine(writer, id.Value, JsonInput.String(JsonInput.Field(root, "module"), "module")); break;
                    case "evaluate": WriteEvaluate(writer, id.Value, root); break;
                    default: writer.WriteStartObject(); writer.WriteNumber("id", id.Value); writer.WriteEndObject(); break;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                writer.Reset();
                var error = e is EvalInputException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                WriteFailure(writer, id, error);
            }
        }
    }

    private static void WriteStart(Utf8JsonWriter writer, long id)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("tool", "elim");
        writer.WriteEndObject();
    }

    private void WriteDefine(Utf8JsonWriter writer, long id, string module)
    {
        if (!Modules.TryGetValue(module, out var create))
            throw new EvalInputException($"unknown module '{module}': this tool implements {string.Join(", ", Modules.Keys)}");
        var eval = create(sources, threads);
        var timings = eval.Define();
        _defined[module] = eval;
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteBoolean("success", true);
        WriteTimings(writer, timings);
        writer.WriteEndObject();
    }

    private void WriteEvaluate(Utf8JsonWriter writer, long id, JsonElement message)
    {
        var module = JsonInput.String(JsonInput.Field(message, "module"), "module");
        if (!_defined.TryGetValue(module, out var eval))
            throw new EvalInputException($"module '{module}' is not defined (send a define message first)");
        var function = JsonInput.String(JsonInput.Field(message, "function"), "function");
        var result = eval.Evaluate(function, JsonInput.Field(message, "input"));
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteBoolean("success", true);
        writer.WritePropertyName("output");
        result.WriteOutput(writer);
        WriteTimings(writer, result.Timings);
        writer.WriteEndObject();
    }

    private static void WriteTimings(Utf8JsonWriter writer, IReadOnlyList<Timing> timings)
    {
        writer.WriteStartArray("timings");
        foreach (var t in timings)
        {
            writer.WriteStartObject();
            writer.WriteString("name", t.Name);
            writer.WriteNumber("nanoseconds", t.Nanoseconds);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteFailure(Utf8JsonWriter writer, long? id, string error)
    {
        writer.WriteStartObject();
        if (id is { } i) writer.WriteNumber("id", i); else writer.WriteNull("id");
        writer.WriteBoolean("success", false);
        writer.WriteString("error", error);
        writer.WriteEndObject();
    }
}
