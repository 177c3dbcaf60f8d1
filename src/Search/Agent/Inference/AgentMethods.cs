using Elim.Search.Agent.Network;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// Adds <c>alphazero-greedy</c> and <c>alphazero</c> to <see cref="SearchMethods"/>. The search layer does not
/// reference the agent, so the application calls <see cref="Register"/> at start-up. The model is read on first use
/// (in plain C#, no TorchSharp), so registering costs nothing.
/// </summary>
public static class AgentMethods
{
    /// <summary>The shipped model's path inside the repository.</summary>
    public const string DefaultModelPath = "models/agent.bin";

    /// <summary>
    /// The largest graph the agent's methods take: the network reads the whole graph once per elimination
    /// (or per expansion), so an order costs time that grows with the square of the size.
    /// </summary>
    public static SearchSizeLimit SizeLimit(string method) =>
        new(method, 1_000, "its network reads the whole graph at every elimination, so an order takes time that grows with the square of the size");

    /// <summary>
    /// Registers both methods, using the model at <paramref name="modelPath"/> or else the shipped one. A model that
    /// cannot be read makes them throw <see cref="SearchUnavailableException"/> naming the path and what to do.
    /// </summary>
    public static void Register(string? modelPath = null)
    {
        var model = new Lazy<InferenceNetwork>(() => Load(modelPath),
            LazyThreadSafetyMode.ExecutionAndPublication);
        SearchMethods.Register(AlphaZeroGreedySearch.MethodName, costModel => new AlphaZeroGreedySearch(() => model.Value, costModel));
        SearchMethods.Register(AlphaZeroSearch.MethodName,
            costModel => new AlphaZeroSearch(() => model.Value, costModel, Environment.ProcessorCount, useValue: false));
    }

    /// <summary>
    /// <see cref="DefaultModelPath"/> found from the working directory or the program's directory upwards;
    /// throws <see cref="FileNotFoundException"/> naming where it looked.
    /// </summary>
    public static string FindShippedModel()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, DefaultModelPath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"No agent model: {DefaultModelPath} was not found above {string.Join(" or ", starts)}; set ELIM_AGENT_MODEL to a model file.");
    }

    // A missing or foreign model is the user's to fix, not a crash of the search.
    private static InferenceNetwork Load(string? modelPath)
    {
        string path;
        try { path = modelPath ?? FindShippedModel(); }
        catch (FileNotFoundException e) { throw new SearchUnavailableException(e.Message); }
        try { return InferenceNetwork.Load(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SearchUnavailableException(
                $"Cannot load the agent model '{path}': {e.Message} Set ELIM_AGENT_MODEL to a model file written by 'elim train'.");
        }
    }
}
