using Elim.Graph;

namespace Elim.Frontend.Tests;

/// <summary>The acceptance test of the numbering: programs written from the paper's math give its exact operation lists.</summary>
public class PaperNumberingTests
{
    [Theory]
    [InlineData("human_heart_dipole.elim", "HumanHeartDipole.ops", 8, 8)]
    [InlineData("propane_combustion.elim", "PropaneCombustion.ops", 11, 11)]
    [InlineData("roe_flux_1d.elim", "RoeFlux_1d.ops", 6, 3)]
    [InlineData("robot_arm_6dof.elim", "RobotArm_6DOF.ops", 6, 6)]
    public void Operation_list_equals_the_paper(string program, string operations, int inputs, int outputs)
    {
        var graph = ElimFrontend.CompileFile(Path.Combine("Programs", program));
        string[] expected = File.ReadAllLines(Path.Combine("Programs", operations));

        Assert.Equal(inputs, graph.InputCount);
        Assert.Equal(outputs, graph.OutputCount);
        Assert.Equal(expected, GraphPrinter.Lines(graph).ToArray());
    }
}
