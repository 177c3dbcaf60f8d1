using Elim.Search.Agent.Network;
using Elim.Search.Agent.Priority;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// Adds the agent's methods to <see cref="SearchMethods"/>: <c>alphazero-greedy</c> and <c>alphazero</c> (the
/// policy/value network), <c>priority</c> and <c>priority-anneal</c> (the priority network). The search layer does not
/// reference the agent, so the application calls <see cref="Register"/> at start-up. The models are read on first
/// use (in plain C#, no TorchSharp), so registering costs nothing.
/// </summary>
public static class AgentMethods
{
    /// <summary>The shipped model's path inside the repository.</summary>
    public const string DefaultModelPath = "models/agent.bin";

    /// <summary>The shipped priority network's path inside the repository.</summary>
    public const string DefaultPriorityModelPath = "models/priority.json";

    /// <summary>
    /// The largest graph the agent's methods take: the network reads the whole graph once per elimination
    /// (or per expansion), so an order costs time that grows with the square of the size.
    /// </summary>
    public static SearchSizeLimit SizeLimit(string method) =>
        new(method, 1_000, "its network reads the whole graph at every elimination, so an order takes time that grows with the square of the size");

    /// <summary>
    /// Registers the methods, using the models at <paramref name="modelPath"/> and <paramref name="priorityModelPath"/>
    /// or else the shipped ones. A model that cannot be read makes its methods throw
    /// <see cref="SearchUnavailableException"/> naming the path and what to do.
    /// </summary>
    public static void Register(string? modelPath = null, string? priorityModelPath = null)
    {
        var model = new Lazy<InferenceNetwork>(() => Load(modelPath, DefaultModelPath, "ELIM_AGENT_MODEL", InferenceNetwork.Load),
            LazyThreadSafetyMode.ExecutionAndPublication);
        SearchMethods.Register(AlphaZeroGreedySearch.MethodName, costModel => new AlphaZeroGreedySearch(() => model.Value, costModel));
        SearchMethods.Register(AlphaZeroSearch.MethodName,
            costModel => new AlphaZeroSearch(() => model.Value, costModel, Environment.ProcessorCount, useValue: false));
        var priority = new Lazy<PriorityNetwork>(() => Load(priorityModelPath, DefaultPriorityModelPath, "ELIM_PRIORITY_MODEL", PriorityNetwork.Load),
            LazyThreadSafetyMode.ExecutionAndPublication);
        SearchMethods.Register(PriorityGreedySearch.MethodName, costModel => new PriorityGreedySearch(() => priority.Value, costModel));
        SearchMethods.Register(PriorityAnnealSearch.MethodName,
            costModel => new PriorityAnnealSearch(() => priority.Value, costModel, Workers.DefaultCount));
    }

    /// <summary>
    /// <see cref="DefaultModelPath"/> found from the working directory or the program's directory upwards;
    /// throws <see cref="FileNotFoundException"/> naming where it looked.
    /// </summary>
    public static string FindShippedModel() => FindShipped(DefaultModelPath, "ELIM_AGENT_MODEL");

    /// <summary><see cref="DefaultPriorityModelPath"/> found like <see cref="FindShippedModel"/>.</summary>
    public static string FindShippedPriorityModel() => FindShipped(DefaultPriorityModelPath, "ELIM_PRIORITY_MODEL");

    private static string FindShipped(string relativePath, string variable)
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"No agent model: {relativePath} was not found above {string.Join(" or ", starts)}; set {variable} to a model file.");
    }

    // A missing or foreign model is the user's to fix, not a crash of the search.
    private static T Load<T>(string? modelPath, string relativePath, string variable, Func<string, T> load)
    {
        string path;
        // An empty variable is an unset one, as for ELIM_ORDER_STORE.
        try { path = string.IsNullOrEmpty(modelPath) ? FindShipped(relativePath, variable) : modelPath; }
        catch (FileNotFoundException e) { throw new SearchUnavailableException(e.Message); }
        if (Directory.Exists(path))
            throw new SearchUnavailableException($"Cannot load the agent model '{path}': it is a folder. Set {variable} to a model file written by 'elim-torch train'.");
        try { return load(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SearchUnavailableException(
                $"Cannot load the agent model '{path}': {e.Message} Set {variable} to a model file written by 'elim-torch train'.");
        }
    }
}
