namespace Elim.Testing;

/// <summary>
/// A program whose helpers call the helper below them twice, so that inlining doubles the graph at every level:
/// h0 makes 2 vertices, h<i>k</i> makes 2^(k+2) − 2, and <c>main</c> calls the top helper (the size guards' case).
/// Line k + 1 holds h<i>k</i>; <c>main</c> is on line <c>levels + 2</c>.
/// </summary>
public static class DoublingHelperChain
{
    /// <summary>The program with helpers h0 … h<paramref name="levels"/>.</summary>
    public static string Generate(int levels) => string.Join("\n",
        ["function h0(x) -> (y) { y = sin(x) * 1.01; }",
         .. Enumerable.Range(1, levels).Select(k => $"function h{k}(x) -> (y) {{ y = h{k - 1}(x) + h{k - 1}(x * 0.5); }}"),
         $"function main(x) -> (y) {{ y = h{levels}(x); }}"]);

    /// <summary>How many vertices the graph of <c>main</c> has.</summary>
    public static int Vertices(int levels) => (1 << (levels + 2)) - 2;
}
