using System.Globalization;
using System.Text.RegularExpressions;
using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>A paper task rebuilt from its published operation list, with its typical point and baseline costs.</summary>
public sealed record PaperTask(string Name, ComputationalGraph Graph, double[] Point, long Forward, long Reverse, long MinimalMarkowitz)
{
    public override string ToString() => Name;
}

/// <summary>Reads Data/paper-tasks.txt (operation lists copied from the reference) into graphs via GraphBuilder.</summary>
public static partial class PaperTasks
{
    private static readonly Lazy<IReadOnlyList<PaperTask>> Tasks = new(Load);

    public static IReadOnlyList<PaperTask> All => Tasks.Value;

    public static PaperTask Named(string name) => All.Single(t => t.Name == name);

    public static TheoryData<string> Names() => new(All.Select(t => t.Name));

    private static IReadOnlyList<PaperTask> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "paper-tasks.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var tasks = new List<PaperTask>();
        for (int start = 0; start < lines.Count;)
        {
            int end = lines.FindIndex(start + 1, l => l.StartsWith("task ")) is var next and >= 0 ? next : lines.Count;
            var header = lines[start]["task ".Length..].Split('|', StringSplitOptions.TrimEntries);
            var tokens = lines.Skip(start + 1).Take(end - start - 1).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var costs = header[3].Split(' ').Select(long.Parse).ToArray();
            tasks.Add(new PaperTask(header[0], Build(header[0], header[1].Split(' '), tokens),
                header[2].Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray(), costs[0], costs[1], costs[2]));
            start = end;
        }
        return tasks;
    }

    private static ComputationalGraph Build(string name, string[] inputs, IEnumerable<string> tokens)
    {
        var builder = new GraphBuilder(name);
        var inputOperands = inputs.ToDictionary(i => i, builder.AddInput);
        var outputs = new List<Operand>();
        foreach (var token in tokens)
        {
            var match = Token().Match(token);
            if (!match.Success) throw new FormatException($"Bad token '{token}'.");
            Operand result;
            if (match.Groups["base"].Success)
                result = builder.IntegerPower(Read(match.Groups["base"].Value), int.Parse(match.Groups["exp"].Value), SourceSpan.None);
            else
            {
                var op = Enum.GetValues<OpKind>().Single(k => OpRules.Of(k).Name == match.Groups["op"].Value);
                result = builder.Apply(op, SourceSpan.None, match.Groups["args"].Value.Split(',').Select(Read).ToArray());
            }
            if (result.Index != int.Parse(match.Groups["id"].Value)) throw new FormatException($"Numbering differs at '{token}'.");
            if (match.Groups["out"].Value == "*") outputs.Add(result);
        }
        for (int o = 0; o < outputs.Count; o++) builder.MarkOutput($"y{o}", outputs[o]);
        return builder.Build();

        Operand Read(string text) =>
            inputOperands.TryGetValue(text, out var input) ? input
            : text.StartsWith('v') ? Operand.Vertex(int.Parse(text[1..]))
            : Operand.Constant(double.Parse(text, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<id>\d+):(?:(?<op>[a-z0-9_]+)\((?<args>[^)]*)\)|(?<base>[a-z0-9]+)\^(?<exp>\d+))(?<out>\*?)$")]
    private static partial Regex Token();
}
