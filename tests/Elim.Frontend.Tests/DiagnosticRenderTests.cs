using Elim.Graph;

namespace Elim.Frontend.Tests;

/// <summary>The rendered form of a diagnostic: location, source line, caret, hint.</summary>
public class DiagnosticRenderTests
{
    [Fact]
    public void Renders_location_source_line_caret_and_hint()
    {
        var diagnostic = new Diagnostic(new SourceSpan("a.elim", 2, 5, 3), "unknown name 'foo'", "did you mean 'fo'?");
        Assert.Equal("a.elim:2:5: error: unknown name 'foo'\n\ty = foo;\n\t   ^~~\nhint: did you mean 'fo'?",
            diagnostic.Render("function f(fo) -> (y) {\n\ty = foo;\n}"));
    }

    [Fact]
    public void Caret_stops_at_the_end_of_the_line_and_a_span_without_line_has_no_source()
    {
        var longSpan = new Diagnostic(new SourceSpan("a.elim", 1, 3, 50), "m", null);
        Assert.Equal("a.elim:1:3: error: m\nab cd\n  ^~~", longSpan.Render("ab cd\nnext"));
        var fileOnly = new Diagnostic(new SourceSpan("a.elim", 0, 0, 0), "cannot read the file", "check the path");
        Assert.Equal("a.elim: error: cannot read the file\nhint: check the path", fileOnly.Render(""));
    }

    [Fact]
    public void Exception_message_is_every_diagnostic_rendered()
    {
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile("function f(x) -> (y) {\n  y = q;\n}", "b.elim"));
        Assert.Equal("b.elim:2:7: error: unknown name 'q'\n  y = q;\n      ^\nhint: assign 'q' before using it, or declare it as a parameter",
            error.Message);
        Assert.Single(error.Diagnostics);
    }
}
