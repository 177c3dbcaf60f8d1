using System.Text.Json.Nodes;
using Elim.Testing;

namespace Elim.Cli.Tests;

public class CommandTests
{
    private static readonly string Roe = Repository.Example("roe_flux_1d");
    private const string RoePoint = "0.01,0.02,0.02,0.01,0.03,0.03";

    [Fact]
    public void CheckSummarisesTheGraph()
    {
        var run = CliRun.Of("check", Roe, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("roe_flux_1d", (string?)json["function"]);
        Assert.Equal(101, (int)json["vertices"]!);
        Assert.Equal(98, (int)json["eliminable"]!);
        Assert.Equal(["ul0", "ul1", "ul2", "ur0", "ur1", "ur2"], json["inputs"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["phi0", "phi1", "phi2"], json["outputs"]!.AsArray().Select(n => (string)n!));
    }

    [Theory]
    [InlineData("fwd", 620)]
    [InlineData("rev", 364)]
    [InlineData("markowitz", 407)]
    public void CostOfTheStandardOrders(string order, long cost)
    {
        var run = CliRun.Of("cost", Roe, "--order", order, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(cost, (long)json["cost"]!);
        Assert.Equal(98, json["order"]!.AsArray().Count);
    }

    [Fact]
    public void CostOfAnOrderFileAndItsSteps()
    {
        string path = Path.GetTempFileName();
        try
        {
            var task = PaperTask.Named("RoeFlux_1d");
            File.WriteAllText(path, ReferenceOrders.AlphaGrad(task).ToString());
            var run = CliRun.Of("cost", Roe, "--order", path, "--steps");
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("roe_flux_1d: file order costs 320 multiplications (98 eliminations)", run.Output);
            Assert.Equal(99, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void EvalGivesValuesAndTheJacobianInDeclarationOrder()
    {
        var run = CliRun.Of("eval", Repository.Example("helmholtz"), "--at", "0.1,0.2,0.3,0.4", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(["x[0]", "x[1]", "x[2]", "x[3]"], json["inputs"]!.AsArray().Select(n => (string)n!));
        Assert.Single(json["values"]!.AsArray());
        var row = json["jacobian"]!.AsArray().Single()!.AsArray();
        Assert.Equal(4, row.Count);
        Assert.All(row, entry => Assert.True(double.IsFinite((double)entry!)));
    }

    [Fact]
    public void EvalOrdersAgree()
    {
        var forward = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--order", "fwd", "--json").Output)!["jacobian"]!.AsArray();
        var reverse = JsonNode.Parse(CliRun.Of("eval", Roe, "--at", RoePoint, "--order", "rev", "--json").Output)!["jacobian"]!.AsArray();
        for (int o = 0; o < 3; o++)
        {
            for (int i = 0; i < 6; i++)
            {
                double f = (double)forward[o]![i]!, r = (double)reverse[o]![i]!;
                Assert.True(Math.Abs(f - r) <= 1e-12 * Math.Max(1, Math.Abs(f)), $"J[{o},{i}] {f} vs {r}");
            }
        }
    }

    [Fact]
    public void EvalPrintsATableByDefault()
    {
        var run = CliRun.Of("eval", Roe, "--at", RoePoint);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("phi0 = ", run.Output);
        Assert.Contains("Jacobian (row per output, column per input):", run.Output);
    }

    [Fact]
    public void DotAndOpsDescribeTheGraph()
    {
        var dot = CliRun.Of("dot", Repository.Example("lighthouse"));
        Assert.Equal(0, dot.ExitCode);
        Assert.StartsWith("digraph \"lighthouse\" {", dot.Output);

        var ops = CliRun.Of("ops", Repository.Example("propane_combustion"));
        Assert.Equal(0, ops.ExitCode);
        Assert.StartsWith("1:div(40,x11)\n2:sqrt(v1)\n", ops.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AmbiguousDefaultFallsBackToTheFunctionNamedLikeTheFile()
    {
        var run = CliRun.Of("check", Repository.Example("black_scholes"), "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("black_scholes", (string?)JsonNode.Parse(run.Output)!["function"]);

        var other = CliRun.Of("check", Repository.Example("black_scholes"), "--function", "black_scholes_gradient", "--json");
        Assert.Equal(5, JsonNode.Parse(other.Output)!["outputs"]!.AsArray().Count);
    }
}
