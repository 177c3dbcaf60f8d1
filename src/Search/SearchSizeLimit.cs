using Elim.Graph;

namespace Elim.Search;

/// <summary>The largest graph a method can search, and the clear refusal above it.</summary>
/// <param name="Method">The method's registry name.</param>
/// <param name="MaxEliminable">The most eliminable vertices it accepts.</param>
/// <param name="Why">What grows too fast beyond that (ends the sentence "because ...").</param>
public sealed record SearchSizeLimit(string Method, int MaxEliminable, string Why)
{
    /// <summary>Throws <see cref="SearchUnavailableException"/> when <paramref name="graph"/> is bigger than the limit.</summary>
    public void Check(ComputationalGraph graph)
    {
        int size = graph.EliminableVertices.Count;
        if (size <= MaxEliminable) return;
        throw new SearchUnavailableException(
            $"'{Method}' cannot search '{graph.Name}': it has {size:N0} eliminable vertices and '{Method}' handles at most " +
            $"{MaxEliminable:N0}, because {Why}. Use --method portfolio, anneal or auto, which handle any size.");
    }
}

/// <summary>A search method that cannot run on this graph (too big for it); the message says why and what to use instead.</summary>
public sealed class SearchUnavailableException(string message) : InvalidOperationException(message);
