using Elim.Graph;
using Elim.Testing;

namespace Elim.Frontend.Tests;

/// <summary>Random valid programs: they compile, and parse → print → parse gives the same graph.</summary>
public class RoundTripTests
{
    [Fact]
    public void Printed_programs_lower_to_the_same_graph()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            string text = RandomPrograms.Generate(seed);
            var program = ElimFrontend.Parse(text, "random.elim");
            var graph = ElimFrontend.Lower(program);
            string printed = ProgramPrinter.Print(program);
            var reparsed = ElimFrontend.Parse(printed, "printed.elim");
            var again = ElimFrontend.Lower(reparsed);

            Assert.True(GraphPrinter.Print(graph) == GraphPrinter.Print(again), $"seed {seed}:\n{text}\n---\n{printed}");
            Assert.Equal(GraphHash.Content(graph), GraphHash.Content(again));
            Assert.Equal(graph.InputNames, again.InputNames);
            Assert.Equal(graph.Outputs, again.Outputs);
            Assert.Equal(printed, ProgramPrinter.Print(reparsed));
        }
    }

    [Fact]
    public void Printed_array_and_branch_programs_lower_to_the_same_graph()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            string text = RandomArrayPrograms.Generate(seed);
            var program = ElimFrontend.Parse(text, "random.elim");
            string printed = ProgramPrinter.Print(program);
            var reparsed = ElimFrontend.Parse(printed, "printed.elim");
            Assert.Equal(printed, ProgramPrinter.Print(reparsed));
            Assert.True(GraphPrinter.Print(ElimFrontend.Lower(program)) == GraphPrinter.Print(ElimFrontend.Lower(reparsed)), $"seed {seed}:\n{text}");
        }
    }

    [Fact]
    public void Random_programs_are_seeded_and_use_the_whole_language()
    {
        Assert.Equal(RandomPrograms.Generate(7), RandomPrograms.Generate(7));
        string all = string.Concat(Enumerable.Range(0, 100).Select(RandomPrograms.Generate));
        foreach (string feature in new[] { "const ", "for ", ") = h", "[", "^", "pow(", "-", "#", "//" })
            Assert.Contains(feature, all);
    }

    [Theory]
    [InlineData("y = -x^2;")]
    [InlineData("y = (-x)^2;")]
    [InlineData("y = x^-2 - -x;")]
    [InlineData("y = x - (z - x);")]
    [InlineData("y = x / (z * x);")]
    [InlineData("y = x^z^2;")]
    [InlineData("y = (x^z)^2;")]
    [InlineData("y = x * 2.0 + 1e300 * z + .5;")]
    [InlineData("fo = x; iffy = fo; format = iffy; input = format; y = input;")]
    public void Printing_keeps_structure_and_number_kinds(string body)
    {
        var program = ElimFrontend.Parse($"function f(x, z) -> (y) {{ {body} }}", "t.elim");
        var reparsed = ElimFrontend.Parse(ProgramPrinter.Print(program), "t.elim");
        Assert.Equal(GraphPrinter.Print(ElimFrontend.Lower(program)), GraphPrinter.Print(ElimFrontend.Lower(reparsed)));
    }
}
