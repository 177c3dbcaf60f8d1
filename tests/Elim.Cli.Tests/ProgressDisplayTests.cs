using Elim.Search;

namespace Elim.Cli.Tests;

/// <summary>The progress lines <c>elim search</c> and a big compile (<c>elim eval</c>, <c>elim compile</c>) write to stderr.</summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public void A_progress_line_shows_the_best_order_the_bound_and_the_gap()
    {
        var error = new StringWriter();
        new ProgressDisplay(error, liveLine: false).Report(new SearchProgress("exact", 321, 289, TimeSpan.FromSeconds(15.3), 1000));
        Assert.Matches(@"^exact: best 321, lower bound 289 \(gap 10[.,]0%\), 15[.,]3 s, 1.?000 evaluations", error.ToString());
    }

    [Fact]
    public void A_progress_line_counts_the_method_s_own_unit()
    {
        var error = new StringWriter();
        new ProgressDisplay(error, liveLine: false).Report(new SearchProgress("exact", 321, 289, TimeSpan.FromSeconds(15), 11_458_572, "nodes"));
        Assert.Matches(@"^exact: best 321, lower bound 289 \(gap 10[.,]0%\), 15[.,]0 s, 11.?458.?572 nodes", error.ToString());
    }

    [Fact]
    public void Without_a_bound_there_is_no_gap()
    {
        var error = new StringWriter();
        new ProgressDisplay(error, liveLine: false).Report(new SearchProgress("exact", 620, 0, TimeSpan.Zero, 1));
        Assert.DoesNotContain("gap", error.ToString());
    }

    [Fact]
    public void A_compile_line_names_its_stage_and_units()
    {
        var error = new StringWriter();
        var display = new ProgressDisplay(error, liveLine: false, compileQuietFor: TimeSpan.Zero);
        display.Report(new CompileProgress(CompileProgress.Lowering, 41_769, 45_998));
        Assert.Matches(@"^lowering: 41.?769 of 45.?998 elimination steps, \d+[.,]\d s", error.ToString());
    }

    [Fact]
    public void A_compile_says_nothing_in_its_first_second_and_logs_at_most_every_few_seconds()
    {
        var quiet = new StringWriter();
        new ProgressDisplay(quiet, liveLine: false).Report(new CompileProgress(CompileProgress.Compiling, 3, 7_479));
        Assert.Equal("", quiet.ToString());

        var log = new StringWriter();
        var display = new ProgressDisplay(log, liveLine: false, compileQuietFor: TimeSpan.Zero);
        for (int done = 1; done <= 100; done++) display.Report(new CompileProgress(CompileProgress.Compiling, done, 100));
        Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("compiling: 1 of 100 methods", log.ToString());
    }
}
