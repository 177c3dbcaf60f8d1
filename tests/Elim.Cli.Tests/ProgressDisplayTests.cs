using Elim.Search;

namespace Elim.Cli.Tests;

/// <summary>The progress lines <c>elim search</c> writes to stderr.</summary>
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
}
