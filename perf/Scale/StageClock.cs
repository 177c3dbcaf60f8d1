using System.Diagnostics;

namespace Elim.Scale.Perf;

/// <summary>
/// When each stage of a compile began, heard from its progress reports (from any thread: the JIT stage runs in
/// parallel), so that the compile row can say where its time went.
/// </summary>
internal sealed class StageClock : IProgress<CompileProgress>
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, double> _began = [];

    public void Report(CompileProgress value)
    {
        double now = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        lock (_began) _began.TryAdd(value.Stage, now);
    }

    /// <summary>
    /// "up to the first elimination 0.1 s (parsing, the graph, the primal and partials), lowering 1.7 s (the eliminations,
    /// scheduling, chunking), emitting 0.5 s, JIT and first call 5.2 s" for a compile that took <paramref name="total"/> seconds since this clock was made; empty
    /// when the program was too small to report its stages.
    /// </summary>
    public string Split(double total)
    {
        string[] stages = [CompileProgress.Lowering, CompileProgress.Emitting, CompileProgress.Compiling];
        if (!stages.All(_began.ContainsKey)) return "";
        double Began(int stage) => stage < stages.Length ? _began[stages[stage]] : total;
        return $"up to the first elimination {Began(0):0.##} s, lowering {Began(1) - Began(0):0.##} s, " +
            $"emitting {Began(2) - Began(1):0.##} s, JIT and first call {Began(3) - Began(2):0.##} s";
    }
}
