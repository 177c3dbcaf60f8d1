using System.Globalization;
using System.Text;

namespace Elim.Scale.Perf;

/// <summary>
/// The results as CSV (one row per measurement) and markdown (per family, a table of steps by size with the growth
/// exponent between sizes; then the search runs), rewritten after every row so that a stopped run leaves what it had.
/// </summary>
public sealed class ScaleReport(ScaleOptions options, string header)
{
    private readonly List<ScaleRow> _rows = [];

    public void Add(ScaleRow row)
    {
        _rows.Add(row);
        string value = row.Value is { } v ? $"{Format(v)} {row.Unit}" : "skipped";
        Console.WriteLine($"  {row.Family,-8} {row.Vertices,9:N0} vertices  {row.Step,-42} {value,14}  {row.Note}");
        File.WriteAllText(Path.Combine(options.OutDirectory, ScaleOptions.CsvName), Csv());
        File.WriteAllText(Path.Combine(options.OutDirectory, ScaleOptions.MarkdownName), Markdown());
    }

    /// <summary>The growth exponent of a step between two sizes: log(t2 / t1) / log(V2 / V1).</summary>
    public static double? Exponent(ScaleRow smaller, ScaleRow larger) =>
        smaller.Value is > 0 && larger.Value is > 0 && larger.Vertices > smaller.Vertices
            ? Math.Log(larger.Value.Value / smaller.Value.Value) / Math.Log((double)larger.Vertices / smaller.Vertices)
            : null;

    private string Csv()
    {
        var text = new StringBuilder("family,target_vertices,vertices,step,value,unit,growth_exponent,note\n");
        foreach (var row in _rows)
        {
            var smaller = _rows.LastOrDefault(r => r.Family == row.Family && r.Step == row.Step && r.Vertices < row.Vertices);
            string exponent = smaller is null ? "" : Exponent(smaller, row)?.ToString("F2", CultureInfo.InvariantCulture) ?? "";
            text.Append(CultureInfo.InvariantCulture, $"{row.Family},{row.Target},{row.Vertices},{Quoted(row.Step)},{row.Value?.ToString("G6", CultureInfo.InvariantCulture)},{row.Unit},{exponent},{Quoted(row.Note)}\n");
        }
        return text.ToString();
    }

    private string Markdown()
    {
        var text = new StringBuilder(header);
        foreach (var family in _rows.Where(r => r.Family != "search").Select(r => r.Family).Distinct())
        {
            var rows = _rows.Where(r => r.Family == family).ToList();
            var sizes = rows.Select(r => r.Vertices).Distinct().Order().ToList();
            text.Append(CultureInfo.InvariantCulture, $"\n## {family}\n\n| step | {string.Join(" | ", sizes.Select(v => $"{v:N0} vertices"))} |");
            text.Append(string.Concat(sizes.Skip(1).Select((v, i) => $" exponent {Short(sizes[i])}→{Short(v)} |"))).Append('\n');
            text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", 2 * sizes.Count - 1))).Append('\n');
            foreach (string step in rows.Select(r => r.Step).Distinct())
            {
                var cells = sizes.Select(v => rows.FirstOrDefault(r => r.Step == step && r.Vertices == v)).ToList();
                text.Append(CultureInfo.InvariantCulture, $"| {step} | {string.Join(" | ", cells.Select(Cell))} |");
                for (int i = 1; i < cells.Count; i++)
                    text.Append(' ').Append(cells[i - 1] is { } a && cells[i] is { } b && Exponent(a, b) is { } e ? e.ToString("F2", CultureInfo.InvariantCulture) : "").Append(" |");
                text.Append('\n');
            }
            var notes = rows.Where(r => r.Note != "").Select(r => $"- {r.Step} at {r.Vertices:N0} vertices: {r.Note}").ToList();
            if (notes.Count > 0) text.Append('\n').AppendJoin('\n', notes).Append('\n');
        }
        var searches = _rows.Where(r => r.Family == "search").ToList();
        if (searches.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## elim search on the random program of {searches[0].Vertices:N0} vertices (child processes)\n\n");
            text.Append("| run | value | note |\n|---|---:|---|\n");
            foreach (var row in searches) text.Append(CultureInfo.InvariantCulture, $"| {row.Step} | {Cell(row)} | {row.Note} |\n");
        }
        return text.ToString();
    }

    private static string Cell(ScaleRow? row) => row is null ? "" : row.Value is { } v ? $"{Format(v)} {row.Unit}" : "skipped";

    private static string Format(double value) => value switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("F2", CultureInfo.InvariantCulture),
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };

    private static string Short(int vertices) => vertices >= 1000 ? $"{vertices / 1000.0:0.#}k" : $"{vertices}";

    private static string Quoted(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
