using System.Text.RegularExpressions;

namespace Elim.Graph;

/// <summary>
/// Keeps the best elimination order found so far for each graph shape, as one order file per
/// structural hash in a directory, so a search done once is reused by every later compile.
/// Writes are atomic (temporary file, then rename). An order known only by its cost replaces only a cheaper-by-cost
/// order that was never measured; a measured order (<see cref="OrderFile.Measured"/>, from <c>elim tune</c>, which
/// measures the stored order among its candidates) replaces an unmeasured one, and a measured one when it ran faster
/// the same way (machine, batch, threads; against the stored order timed again in the same run where the caller did
/// so) or when the stored time was taken another way. So a measured order is never replaced by one that was not
/// measured faster.
/// </summary>
public sealed class OrderStore
{
    /// <summary>The environment variable that overrides <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryVariable = "ELIM_ORDER_STORE";

    // An entry is "<structural hash>.json" (PathFor); a write goes through "<entry>.<guid>.tmp" (Offer).
    private static readonly Regex EntryName = new("^[0-9a-f]{16}\\.json$", RegexOptions.CultureInvariant);
    private static readonly Regex TemporaryName = new("^[0-9a-f]{16}\\.json\\.[0-9a-f]{32}\\.tmp$", RegexOptions.CultureInvariant);

    private readonly object _gate = new();

    /// <summary>A store in <paramref name="directory"/> (created on first write).</summary>
    public OrderStore(string directory) => Directory = directory ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>The store's directory.</summary>
    public string Directory { get; }

    /// <summary><c>$ELIM_ORDER_STORE</c>, else <c>~/.elim/orders</c>.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".elim", "orders");

    /// <summary>The store at <see cref="DefaultDirectory"/>.</summary>
    public static OrderStore Default() => new(DefaultDirectory);

    /// <summary>The stored order for <paramref name="graph"/>'s shape, if any valid one is stored.</summary>
    public OrderFile? TryGetBest(ComputationalGraph graph)
    {
        string path = PathFor(graph);
        // An unreadable or foreign entry is ignored; a better order will replace it.
        if (!File.Exists(path) || Read(path) is not { } file) return null;
        try { file.CheckFits(graph); }
        catch (InvalidOrderException) { return null; }
        return file with { Cost = MarkowitzCost.Of(graph, file.Order) };
    }

    /// <summary>Stores <paramref name="order"/> if it is cheaper than the stored one; returns whether it was stored.</summary>
    public bool Offer(ComputationalGraph graph, EliminationOrder order, string method) =>
        Offer(graph, OrderFile.For(graph, order, method));

    /// <summary>
    /// Stores <paramref name="candidate"/> (an order file for <paramref name="graph"/> with its Markowitz cost, as
    /// <see cref="OrderFile.For(ComputationalGraph, EliminationOrder, string)"/> makes, and perhaps a measurement) if it
    /// beats the stored one (<see cref="Beats"/>); returns whether it was stored.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="candidate">The order file offered.</param>
    /// <param name="timeNow">
    /// The time of an order taken alongside <paramref name="candidate"/>'s (<c>elim tune</c> times the stored order again
    /// among its candidates), or null: where it has one for the stored order, that fresh time is compared, not the stored one.
    /// </param>
    public bool Offer(ComputationalGraph graph, OrderFile candidate, Func<EliminationOrder, OrderMeasurement?>? timeNow = null)
    {
        if (candidate.Cost is null) throw new ArgumentException("The order file must carry its Markowitz cost.", nameof(candidate));
        lock (_gate)
        {
            var stored = TryGetBest(graph);
            if (stored is not null && timeNow?.Invoke(stored.Order) is { } now) stored = stored with { Measured = now };
            if (stored is not null && !Beats(candidate, stored)) return false;
            System.IO.Directory.CreateDirectory(Directory);
            string path = PathFor(graph);
            string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, candidate.ToJson());
            File.Move(temporary, path, overwrite: true);
            return true;
        }
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> should replace <paramref name="stored"/>: by cost between unmeasured orders;
    /// a measured order beats an unmeasured one and never loses to one; between measured orders, the faster one when
    /// the times compare (<see cref="OrderMeasurement.ComparesWith"/>), else the newer one; a new time of the stored
    /// order itself replaces its old one.
    /// </summary>
    public static bool Beats(OrderFile candidate, OrderFile stored) => (candidate.Measured, stored.Measured) switch
    {
        (not null, _) when candidate.Order.VertexIds.SequenceEqual(stored.Order.VertexIds) => true,
        (null, null) => candidate.Cost < stored.Cost,
        (null, _) => false,
        (_, null) => true,
        var (mine, theirs) => !mine.ComparesWith(theirs) || mine.SecondsPerPoint < theirs.SecondsPerPoint,
    };

    /// <summary>
    /// Every entry the store holds, by file name: its path and its order file (null when it cannot be read). Only files
    /// named as the store names them (<see cref="PathFor"/>) are entries; other files in the directory are not the store's.
    /// </summary>
    public IReadOnlyList<(string Path, OrderFile? File)> Entries() =>
        StoreFiles(EntryName).Order(StringComparer.Ordinal).Select(path => (path, Read(path))).ToList();

    /// <summary>
    /// Deletes every entry (and temporary files a crashed write left); returns how many entries went. Files the store did
    /// not name are left alone.
    /// </summary>
    public int Clear()
    {
        foreach (string leftover in StoreFiles(TemporaryName)) File.Delete(leftover);
        var entries = StoreFiles(EntryName);
        foreach (string entry in entries) File.Delete(entry);
        return entries.Length;
    }

    private string[] StoreFiles(Regex name) => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory).Where(path => name.IsMatch(Path.GetFileName(path))).ToArray()
        : [];

    private static OrderFile? Read(string path)
    {
        try { return OrderFile.Parse(File.ReadAllText(path)); }
        catch (Exception e) when (e is InvalidOrderException or IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The file that holds <paramref name="graph"/>'s order.</summary>
    public string PathFor(ComputationalGraph graph) => Path.Combine(Directory, GraphHash.Structural(graph) + ".json");
}
