namespace Elim.Search.Perf;

/// <summary>One method on every example once, for tuning: best cost, lower bound, evaluations.</summary>
internal static class TryMethod
{
    public static void Run(string method, TimeSpan time, int seed, TextWriter output)
    {
        foreach (var (task, file, alphaGrad) in Examples.Scalar)
        {
            var graph = Examples.Load(file);
            var result = SearchMethods.Create(method).Search(graph, SearchBudget.OfTime(time), seed, null, CancellationToken.None);
            output.WriteLine($"{task,-18} {method}: cost {result.Cost} (AlphaGrad {alphaGrad}), bound {result.LowerBound}, " +
                $"proven {result.ProvenOptimal}, {result.Evaluations:N0} evaluations in {result.Elapsed.TotalSeconds:F1} s");
        }
    }
}
