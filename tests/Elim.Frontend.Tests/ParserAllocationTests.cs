using Elim.Frontend.Syntax;
using Elim.Testing;

namespace Elim.Frontend.Tests;

/// <summary>
/// What the parser allocates per statement stays small and does not grow with the program: on a program of 10⁵
/// vertices the garbage collector took half of parsing while it allocated 11 KB a statement
/// (perf/results/design-measurements.md).
/// </summary>
public class ParserAllocationTests
{
    [Fact]
    public void A_statement_allocates_a_few_kilobytes_whatever_the_size_of_the_program()
    {
        double small = BytesPerStatement(1_000), big = BytesPerStatement(20_000);

        Assert.True(big < 4_000, $"parsing allocated {big:F0} bytes a statement");
        Assert.True(big < 1.5 * small, $"{big:F0} bytes a statement at 20,000 statements against {small:F0} at 1,000");
    }

    private static double BytesPerStatement(int statements)
    {
        string text = RandomBigPrograms.Generate(statements, seed: 1);
        ElimParser.Parse(text, "warm-up.elim");
        long before = GC.GetAllocatedBytesForCurrentThread();
        ElimParser.Parse(text, "big.elim");
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)statements;
    }
}
