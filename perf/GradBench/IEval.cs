using System.Text.Json;

namespace Elim.GradBench;

/// <summary>One of GradBench's evals (a protocol "module") as this tool implements it.</summary>
internal interface IEval
{
    /// <summary>Compiles the eval's functions (text → first Jacobian) and says how long that took.</summary>
    IReadOnlyList<Timing> Define();

    /// <summary>Runs <paramref name="function"/> on <paramref name="input"/> as often as the input's runs ask.</summary>
    /// <exception cref="EvalInputException">Unknown function or malformed input.</exception>
    Evaluation Evaluate(string function, JsonElement input);
}

/// <summary>A timing entry of a response: GradBench's <c>{"name", "nanoseconds"}</c>.</summary>
internal readonly record struct Timing(string Name, long Nanoseconds);

/// <summary>What an evaluate message produced: the output (written on demand, it may be large) and the timings.</summary>
internal sealed record Evaluation(Action<Utf8JsonWriter> WriteOutput, IReadOnlyList<Timing> Timings);

/// <summary>The eval side sent something this tool cannot act on; answered with success false and the message.</summary>
internal sealed class EvalInputException(string message) : Exception(message);
