using Elim.Graph;
using Elim.Search;
using Elim.Search.Exact;

namespace Elim.Cli;

/// <summary>
/// What <c>elim search --method exact</c> adds to a search: it starts from the order <c>--order best</c> would compile
/// (the order store's, else the cheapest standard order), and with <c>--checkpoint</c> or <c>--resume</c> it saves its
/// position when it stops and continues from a saved one. Both files are checked before the program is loaded.
/// </summary>
internal sealed class ExactRun
{
    private readonly BranchAndBound _method;
    private readonly string? _resumePath;
    private readonly ExactCheckpoint? _resumed;

    private ExactRun(BranchAndBound method, string? savePath, string? resumePath, ExactCheckpoint? resumed)
    {
        _method = method;
        SavePath = savePath;
        _resumePath = resumePath;
        _resumed = resumed;
    }

    /// <summary>The options, as <c>elim search</c> declares them.</summary>
    public static IReadOnlyList<CommandOption> Options { get; } =
    [
        new("checkpoint", "PATH", "with --method exact: save the search's position here when it stops (time up, --iterations, Ctrl-C or SIGTERM), to continue with --resume; an existing file is kept unless --force", "none"),
        new("resume", "PATH", "with --method exact: continue the search saved in this checkpoint, and save the new position back to it (or to --checkpoint)", "none: a fresh search"),
    ];

    /// <summary>Where the position is saved, or null.</summary>
    public string? SavePath { get; }

    /// <summary>
    /// The exact run of <paramref name="arguments"/>, or null when <paramref name="method"/> is not exact search. Reads
    /// the checkpoint to resume and checks the one to write (new, or <c>--force</c>, or the one resumed).
    /// </summary>
    public static ExactRun? Of(Arguments arguments, ISearchMethod method)
    {
        string? savePath = arguments.Value("checkpoint"), resumePath = arguments.Value("resume");
        if (method is not BranchAndBound exact)
        {
            if (savePath is null && resumePath is null) return null;
            throw new UsageException($"--checkpoint and --resume belong to --method exact, not {method.Name}.");
        }
        var resumed = resumePath is null ? null : Read(resumePath);
        savePath ??= resumePath;
        if (savePath is not null)
            OutputPath.Check(savePath, replace: arguments.Has("force") || resumePath is not null && SameFile(savePath, resumePath));
        return new ExactRun(exact, savePath, resumePath, resumed);
    }

    /// <summary>Searches <paramref name="graph"/> from the best known order and the resumed checkpoint, if any.</summary>
    public ExactOutcome Search(ComputationalGraph graph, SearchBudget budget, IProgress<SearchProgress> progress, CancellationToken token)
    {
        BranchAndBound.SizeLimit.Check(graph); // before the warm start, which prices orders of the whole graph
        var (order, source) = OrderChoice.Resolve(graph, "best");
        try { return _method.Search(graph, budget, new ExactStart(order, source, _resumed), progress, token); }
        catch (InvalidCheckpointException e) { throw new PathException(CannotResume(_resumePath!, e)); }
    }

    private static ExactCheckpoint Read(string path)
    {
        if (Directory.Exists(path)) throw new PathException($"'{path}' is a folder; give the checkpoint file to resume.");
        if (!File.Exists(path))
            throw new PathException($"No checkpoint to resume at '{path}'; leave out --resume to start a fresh search, or give the file --checkpoint saved.");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PathException($"Cannot read the checkpoint '{path}': {e.Message}");
        }
        try { return ExactCheckpoint.Parse(text); }
        catch (InvalidCheckpointException e) { throw new PathException(CannotResume(path, e)); }
    }

    private static string CannotResume(string path, InvalidCheckpointException e) => $"Cannot resume from '{path}': {e.Message.TrimEnd('.')}.";

    public static bool SameFile(string a, string b) => Path.GetFullPath(a) == Path.GetFullPath(b);
}
