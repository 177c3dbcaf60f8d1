using System.Text;
using System.Text.Json;
using Elim.Testing;

namespace Elim.GradBench.Tests;

/// <summary>Feeds the tool's protocol session lines, as GradBench's eval would, and reads its replies.</summary>
internal static class ToolSession
{
    public static JsonElement[] Exchange(params string[] lines)
    {
        var sources = new ElimSources([Repository.PathOf("perf/GradBench"), Repository.PathOf("examples")]);
        var output = new MemoryStream();
        new ProtocolSession(sources, threads: 1).Run(new StringReader(string.Join("\n", lines) + "\n"), output);
        var replies = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return replies.Select(r => JsonDocument.Parse(r).RootElement.Clone()).ToArray();
    }

    public static string Evaluate(int id, string module, string function, object input) =>
        JsonSerializer.Serialize(new { id, kind = "evaluate", module, function, input });
}
