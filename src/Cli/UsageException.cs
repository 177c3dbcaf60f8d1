namespace Elim.Cli;

/// <summary>A mistake in the command line itself; printed with the command's usage.</summary>
public sealed class UsageException(string message) : Exception(message);
