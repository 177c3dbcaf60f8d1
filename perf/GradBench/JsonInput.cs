using System.Text.Json;

namespace Elim.GradBench;

/// <summary>Typed reads of an eval's input, with errors that name the field.</summary>
internal static class JsonInput
{
    public static JsonElement Field(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw new EvalInputException($"expected an object holding '{name}', got {obj.ValueKind}");
        return obj.TryGetProperty(name, out var value) ? value : throw new EvalInputException($"input has no field '{name}'");
    }

    public static int Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? v : throw Wrong(name, "an integer", e);

    public static double Double(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Wrong(name, "a number", e);

    public static bool Bool(JsonElement e, string name) =>
        e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw Wrong(name, "true or false", e);

    public static string String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Wrong(name, "a string", e);

    public static double[] Doubles(JsonElement e, string name, int? length = null)
    {
        var values = Array(e, name, length).Select(x => Double(x, name)).ToArray();
        return values;
    }

    public static int[] Ints(JsonElement e, string name, int? length = null) => Array(e, name, length).Select(x => Int(x, name)).ToArray();

    /// <summary>A list of rows of exactly <paramref name="width"/> numbers, flattened row after row.</summary>
    public static double[] Rows(JsonElement e, string name, int width)
    {
        var rows = Array(e, name, null);
        var flat = new double[rows.Count * width];
        for (var i = 0; i < rows.Count; i++) Doubles(rows[i], name, width).CopyTo(flat, i * width);
        return flat;
    }

    private static List<JsonElement> Array(JsonElement e, string name, int? length)
    {
        if (e.ValueKind != JsonValueKind.Array) throw Wrong(name, "an array", e);
        var items = e.EnumerateArray().ToList();
        if (length is { } n && items.Count != n) throw new EvalInputException($"'{name}' must have {n} elements, got {items.Count}");
        return items;
    }

    private static EvalInputException Wrong(string name, string expected, JsonElement e) =>
        new($"'{name}' must be {expected}, got {e.ValueKind}: {Clip(e.GetRawText())}");

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
