using Elim.Graph;
using Elim.Testing;
using Elim.TorchTool;

namespace Elim.Agent.Tests;

/// <summary>The real programs of <c>elim-torch train --programs</c>: never a paper task, split between training and validation.</summary>
public sealed class TrainingProgramsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("elim-train-programs-");

    public void Dispose() => _folder.Dispose();

    private static HashSet<string> PaperTaskHashes() =>
        [.. PaperTask.All.Select(t => GraphHash.Structural(Elim.Frontend.ElimFrontend.CompileFile(Repository.Example(t.File))))];

    [Fact]
    public void The_examples_give_every_program_but_the_five_paper_tasks_once()
    {
        var (training, validation) = TrainingPrograms.Load(Repository.PathOf("examples"));
        var paper = PaperTaskHashes();
        Assert.All(training.Concat(validation), p => Assert.DoesNotContain(GraphHash.Structural(p.Graph), paper));
        var expected = Directory.GetFiles(Repository.PathOf("examples"), "*.elim").Select(Path.GetFileName)
            .Where(f => PaperTask.All.All(t => t.File + ".elim" != f)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, training.Concat(validation).Select(p => p.File).Order(StringComparer.Ordinal));
        Assert.Empty(training.Select(p => p.File).Intersect(validation.Select(p => p.File)));
        Assert.InRange(validation.Count, 1, training.Count);
    }

    [Fact]
    public void A_paper_task_under_another_name_is_left_out()
    {
        File.Copy(Repository.Example("roe_flux_1d"), _folder.In("roe_flux_1d.elim"));
        File.Copy(Repository.Example("roe_flux_1d"), _folder.In("renamed.elim"));
        File.Copy(Repository.Example("lighthouse"), _folder.In("lighthouse.elim"));
        var (training, validation) = TrainingPrograms.Load(_folder.Path);
        Assert.Equal(["lighthouse.elim"], training.Concat(validation).Select(p => p.File));
    }
}
