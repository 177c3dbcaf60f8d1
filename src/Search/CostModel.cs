namespace Elim.Search;

/// <summary>What one elimination step costs.</summary>
public enum CostModel
{
    /// <summary>The paper's metric: eliminating k costs |P(k)|·|S(k)| multiplications.</summary>
    Markowitz,

    /// <summary>
    /// What straight-line code really multiplies: a product c[j,k]·c[k,i] is free when either factor is a
    /// structural ±1 partial (see <see cref="Game.UnitPartials"/>), so eliminating k costs
    /// (in-edges of k that are not ±1) × (out-edges of k that are not ±1).
    /// </summary>
    Emitted,
}
