namespace Elim.Backend.Program;

/// <summary>Where a program result goes.</summary>
public enum StoreTarget
{
    /// <summary>Output (dependent) number <see cref="Store.Index"/>.</summary>
    Output,
    /// <summary>Jacobian entry number <see cref="Store.Index"/> = output·inputCount + input (row-major).</summary>
    Jacobian,
}

/// <summary>Writes <paramref name="Value"/> (a constant or a possibly negated program value) to a result slot.</summary>
/// <param name="Target">Outputs or Jacobian.</param>
/// <param name="Index">The slot within the target.</param>
/// <param name="Value">What is written.</param>
public readonly record struct Store(StoreTarget Target, int Index, Term Value);
