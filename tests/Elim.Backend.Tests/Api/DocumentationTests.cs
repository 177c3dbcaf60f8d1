using Elim.Samples;
using Elim.Testing;

namespace Elim.Backend.Tests.Api;

/// <summary>docs/api.md quotes the runnable sample exactly, and the sample prints what the page shows.</summary>
public class DocumentationTests
{
    [Fact]
    public void TheApiPageQuotesTheQuickStartSample()
    {
        string page = File.ReadAllText(Repository.PathOf("docs/api.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(Repository.PathOf("samples/QuickStart/QuickStart.cs")).ReplaceLineEndings("\n").TrimEnd('\n');
        Assert.Contains("```csharp\n" + sample + "\n```", page);
    }

    [Fact]
    public void TheQuickStartSamplePrintsWhatThePageShows()
    {
        var output = new StringWriter();
        QuickStart.Run(output, Repository.PathOf("examples"));
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        string page = File.ReadAllText(Repository.PathOf("docs/api.md")).ReplaceLineEndings("\n");
        Assert.Equal(4, lines.Length);
        foreach (var line in lines.Take(3)) Assert.Contains("\n" + line + "\n", page);
        Assert.StartsWith("roe_flux_1d: 6 inputs, 3 outputs, Markowitz cost ", lines[3]);
        Assert.Matches(", order (stored |reverse \\(the cheapest)", lines[3]);   // it says where its order came from
    }
}
