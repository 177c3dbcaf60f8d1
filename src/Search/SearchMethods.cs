using Elim.Search.Exact;
using Elim.Search.Heuristics;
using Elim.Search.Local;
using Elim.Search.Mcts;

namespace Elim.Search;

/// <summary>The search methods by name (case-insensitive): every standard heuristic, the portfolio, exact, anneal, mcts and auto.</summary>
public static class SearchMethods
{
    /// <summary>The default method.</summary>
    public const string Default = AutoSearch.MethodName;

    private static readonly (string Name, Func<CostModel, ISearchMethod> Create)[] Table =
    [
        (AutoSearch.MethodName, model => new AutoSearch(model, Workers.DefaultCount)),
        (Portfolio.MethodName, model => new Portfolio(model)),
        .. StandardHeuristics.All.Select(h => (h.Name, (Func<CostModel, ISearchMethod>)(model => new HeuristicSearch(h, model)))),
        (BranchAndBound.MethodName, model => new BranchAndBound(model)),
        (SimulatedAnnealing.MethodName, model => new SimulatedAnnealing(model, Workers.DefaultCount)),
        (MctsSearch.MethodName, model => new MctsSearch(model, Workers.DefaultCount, MarkowitzPrior.Instance)),
    ];

    // Methods added from outside (the learning agent lives in its own project, so the CLI registers it).
    private static readonly List<(string Name, Func<CostModel, ISearchMethod> Create)> Registered = [];

    /// <summary>Every registered name, in a stable order.</summary>
    public static IReadOnlyList<string> Names
    {
        get { lock (Registered) return [.. Table.Select(t => t.Name), .. Registered.Select(t => t.Name)]; }
    }

    /// <summary>Adds (or replaces) a method defined outside this assembly under <paramref name="name"/>.</summary>
    public static void Register(string name, Func<CostModel, ISearchMethod> create)
    {
        if (Array.Exists(Table, t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"'{name}' is a built-in search method.", nameof(name));
        lock (Registered)
        {
            Registered.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            Registered.Add((name, create));
        }
    }

    /// <summary>
    /// The method called <paramref name="name"/> for <paramref name="costModel"/>; throws
    /// <see cref="UnknownSearchMethodException"/> listing the valid names when there is none.
    /// </summary>
    public static ISearchMethod Create(string name, CostModel costModel = CostModel.Markowitz)
    {
        (string Name, Func<CostModel, ISearchMethod> Create)[] all;
        lock (Registered) all = [.. Table, .. Registered];
        foreach (var (known, create) in all)
        {
            if (string.Equals(known, name.Trim(), StringComparison.OrdinalIgnoreCase)) return create(costModel);
        }
        throw new UnknownSearchMethodException($"Unknown search method '{name}'. Valid methods: {string.Join(", ", Names)}.");
    }
}

/// <summary>A search method name that is not registered; the message lists the valid names.</summary>
public sealed class UnknownSearchMethodException(string message) : ArgumentException(message);
