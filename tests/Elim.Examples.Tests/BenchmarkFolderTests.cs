using Elim.Testing;

namespace Elim.Examples.Tests;

/// <summary>What every benchmark checks before its long work: the results folder and its option values.</summary>
public sealed class BenchmarkFolderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("elim-bench-folder-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ExistingResultsAreKeptUnlessForcedAndAFileIsNoFolder()
    {
        string folder = Path.Combine(_directory, "results");
        Assert.Null(ResultsFolder.Refusal(folder, force: false, ["r.md", "r.csv"]));
        Assert.True(Directory.Exists(folder));
        File.WriteAllText(Path.Combine(folder, "r.csv"), "committed results");
        Assert.Equal($"'{folder}' already holds results; pass --force to overwrite them.", ResultsFolder.Refusal(folder, force: false, ["r.md", "r.csv"]));
        Assert.Null(ResultsFolder.Refusal(folder, force: true, ["r.md", "r.csv"]));
        Assert.Null(ResultsFolder.Refusal(folder, force: false, ["other.md"]));
        string file = Path.Combine(folder, "r.csv");
        Assert.Equal($"'{file}' is a file; give the folder for the results.", ResultsFolder.Refusal(file, force: true, ["r.md"]));
        Assert.Equal("committed results", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1,-2")]
    [InlineData("1,")]
    public void BadCountsAreRefusedWithWhatToGive(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkArguments.Integers(text, "--batches"));
        Assert.Equal($"--batches '{text}': give whole numbers of at least 1, comma-separated.", error.Message);
    }

    [Fact]
    public void CountsAndKnownNamesAreRead()
    {
        Assert.Equal([1, 1000], BenchmarkArguments.Integers("1,1000", "--batches"));
        Assert.Equal(["g", "f"], BenchmarkArguments.Names("g,f", "--examples", ["f", "g"]));
        var error = Assert.Throws<ArgumentException>(() => BenchmarkArguments.Names("g,nope", "--examples", ["f", "g"]));
        Assert.Equal("--examples: unknown 'nope'; known: f, g.", error.Message);
    }
}
