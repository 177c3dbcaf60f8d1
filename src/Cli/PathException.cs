namespace Elim.Cli;

/// <summary>
/// A file or folder named on the command line cannot be used as the command needs (missing, not writable, or an
/// output that exists without <c>--force</c>); printed as one line that names the path and what to do.
/// </summary>
public sealed class PathException(string message) : Exception(message);
