namespace Elim.Cli;

/// <summary>A command needs a part the running tool leaves out (TorchSharp for training); the message says what to install.</summary>
public sealed class MissingPartException(string message) : Exception(message);
