using System.Globalization;

namespace Elim.Perf;

/// <summary>
/// The CSV of measurements, appended after every timing so a stopped run loses nothing and
/// <c>--resume</c> skips what is already measured.
/// </summary>
public sealed class ResultsLog
{
    private const string Header = "example,contender,batch,threads,seconds_per_point,points_timed";
    private readonly string _path;

    public ResultsLog(string path, bool resume)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (resume && File.Exists(path))
        {
            Measurements.AddRange(File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Parse));
        }
        else
        {
            File.WriteAllText(path, Header + "\n");
        }
    }

    /// <summary>Everything measured so far, this run and resumed.</summary>
    public List<Measurement> Measurements { get; } = [];

    /// <summary>Whether this timing is already in the log.</summary>
    public bool Has(string example, string contender, int batch, int threads) =>
        Measurements.Exists(m => m.Example == example && m.Contender == contender && m.Batch == batch && m.Threads == threads);

    /// <summary>Adds and persists a measurement.</summary>
    public void Add(Measurement m)
    {
        Measurements.Add(m);
        File.AppendAllText(_path, string.Create(CultureInfo.InvariantCulture,
            $"{m.Example},{m.Contender},{m.Batch},{m.Threads},{m.SecondsPerPoint:R},{m.PointsTimed}\n"));
    }

    private static Measurement Parse(string line)
    {
        var f = line.Split(',');
        return new Measurement(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture),
            double.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture));
    }
}
