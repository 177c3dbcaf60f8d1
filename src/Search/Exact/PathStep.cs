namespace Elim.Search.Exact;

/// <summary>
/// One depth of a depth-first search position: the <paramref name="Candidate"/>-th vertex in trying order (see
/// <c>CandidateOrder</c>) is being explored, and it is vertex <paramref name="Vertex"/> (kept to check that a later
/// run orders the candidates the same way).
/// </summary>
/// <param name="Candidate">The index of the candidate being explored at this depth; those before it are done.</param>
/// <param name="Vertex">Its vertex id.</param>
public readonly record struct PathStep(int Candidate, int Vertex);
