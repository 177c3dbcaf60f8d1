using Elim.Testing;

namespace Elim.Frontend.Tests;

/// <summary>Broken variants of valid programs never end in anything but a <see cref="DiagnosticException"/>.</summary>
public class FuzzTests
{
    private const string Alphabet = "abxyz019.,;:()[]{}+-*/^=<>#$ \n_e";

    [Fact]
    public void Mutated_programs_only_ever_give_diagnostics()
    {
        var random = new Random(12345);
        int diagnostics = 0;
        for (int trial = 0; trial < 600; trial++)
        {
            string text = Mutate(RandomPrograms.Generate(trial % 60), random);
            try
            {
                ElimFrontend.Compile(text, "fuzz.elim");
            }
            catch (DiagnosticException e)
            {
                diagnostics++;
                Assert.DoesNotContain("internal error", e.Message);
                Assert.Matches(@"^fuzz\.elim(:\d+:\d+)?: error: ", e.Message);
            }
        }
        Assert.True(diagnostics > 300, $"only {diagnostics} of 600 mutations were errors");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("function")]
    [InlineData("function f(")]
    [InlineData("function f(x) -> (y) { y = ")]
    [InlineData("const")]
    [InlineData("\u00e9\u00e8")]
    [InlineData("function f(x) -> (y) { y = 1e999999 * x; }")]
    [InlineData("function f(x) -> (y) { y = x^99999999999; }")]
    [InlineData("function f(x) -> (w[99999999999]) { w[0] = x; }")]
    [InlineData("function f(x) -> (y) { for i in 0..99999999999 { } y = x; }")]
    public void Odd_inputs_only_ever_give_diagnostics_or_graphs(string text)
    {
        try
        {
            ElimFrontend.Compile(text, "odd.elim");
        }
        catch (DiagnosticException e)
        {
            Assert.DoesNotContain("internal error", e.Message);
        }
    }

    [Fact]
    public void Deep_nesting_is_a_diagnostic_not_a_crash()
    {
        string deep = "function f(x) -> (y) { y = " + new string('(', 5000) + "x" + new string(')', 5000) + "; }";
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.Compile(deep, "deep.elim"));
        Assert.Contains("nested more than", error.Message);
        string chain = "function f(x) -> (y) { y = x" + string.Concat(Enumerable.Repeat(" + x", 3000)) + "; }";
        Assert.Equal(3000, ElimFrontend.Compile(chain, "chain.elim").VertexCount);
        Assert.Equal(3000, ElimFrontend.Compile(ProgramPrinter.Print(ElimFrontend.Parse(chain, "chain.elim")), "printed.elim").VertexCount);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var error = Assert.Throws<DiagnosticException>(() => ElimFrontend.CompileFile("/no/such/dir/x.elim"));
        Assert.Equal("/no/such/dir/x.elim: error: cannot read the file: no such file\nhint: check the path", error.Message);
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new System.Text.StringBuilder(text);
        for (int edits = 1 + random.Next(3); edits > 0; edits--)
        {
            int at = random.Next(chars.Length + 1);
            if (random.Next(2) == 0 && at < chars.Length) chars.Remove(at, 1);
            else chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
        }
        return chars.ToString();
    }
}
