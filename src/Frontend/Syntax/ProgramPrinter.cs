using System.Globalization;
using System.Text;

namespace Elim.Frontend;

/// <summary>
/// Writes an AST back as <c>.elim</c> text that parses to the same graph: consts first, then functions,
/// with the fewest parentheses the precedence rules allow and numbers that keep their integer-ness.
/// </summary>
public static class ProgramPrinter
{
    private const int Conditional = -3, Or = -2, And = -1, Comparison = 0, Sum = 1, Product = 2, Unary = 3, Primary = 5;

    /// <summary>The text of <paramref name="program"/>.</summary>
    public static string Print(ProgramSyntax program) => LargeStack.Run(() => PrintProgram(program));

    private static string PrintProgram(ProgramSyntax program)
    {
        var text = new StringBuilder();
        foreach (var constant in program.Constants)
            text.Append("const ").Append(constant.Name).Append(" = ").Append(Expression(constant.Value)).Append(";\n");
        foreach (var function in program.Functions)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append("function ").Append(function.Name)
                .Append('(').Append(string.Join(", ", function.Parameters.Select(Parameter))).Append(") -> (")
                .Append(string.Join(", ", function.Outputs.Select(Parameter))).Append(") {\n");
            Statements(function.Body, 1, text);
            text.Append("}\n");
        }
        return text.ToString();
    }

    /// <summary>The text of one expression.</summary>
    public static string Expression(ExpressionSyntax expression) => Expression(expression, Conditional);

    private static void Statements(IEnumerable<StatementSyntax> statements, int depth, StringBuilder text)
    {
        string indent = new(' ', 4 * depth);
        foreach (var statement in statements)
        {
            text.Append(indent);
            switch (statement)
            {
                case AssignSyntax a:
                    text.Append(Target(a.Target)).Append(" = ").Append(Expression(a.Value)).Append(";\n");
                    break;
                case DestructureSyntax d:
                    text.Append('(').Append(string.Join(", ", d.Targets.Select(Target))).Append(") = ").Append(Expression(d.Call)).Append(";\n");
                    break;
                case ForSyntax f:
                    text.Append("for ").Append(f.Variable).Append(" in ").Append(Expression(f.Low)).Append("..")
                        .Append(Expression(f.High)).Append(" {\n");
                    Statements(f.Body, depth + 1, text);
                    text.Append(indent).Append("}\n");
                    break;
                case IfSyntax i:
                    If(i, depth, text);
                    break;
            }
        }
    }

    private static void If(IfSyntax statement, int depth, StringBuilder text)
    {
        string indent = new(' ', 4 * depth);
        text.Append("if (").Append(Expression(statement.Condition)).Append(") {\n");
        Statements(statement.Then, depth + 1, text);
        text.Append(indent).Append('}');
        if (statement.Otherwise is [IfSyntax elseIf])
        {
            text.Append(" else ");
            If(elseIf, depth, text);
            return;
        }
        if (statement.Otherwise is { } otherwise)
        {
            text.Append(" else {\n");
            Statements(otherwise, depth + 1, text);
            text.Append(indent).Append('}');
        }
        text.Append('\n');
    }

    /// <summary>A parameter or output as declared: <c>data W[2,3]</c>.</summary>
    internal static string Parameter(ParameterSyntax p) =>
        (p.IsData ? "data " : "") + p.Name + (p.IsArray ? $"[{string.Join(",", p.Dimensions)}]" : "");

    private static string Target(TargetSyntax t) =>
        t.IsElement ? $"{t.Name}[{string.Join(", ", t.Indices.Select(i => Expression(i)))}]" : t.Name;

    private static string Part(IndexPart part) => part.IsSlice
        ? $"{(part.Low is null ? "" : Expression(part.Low))}:{(part.High is null ? "" : Expression(part.High))}"
        : Expression(part.Index!);

    private static string Expression(ExpressionSyntax expression, int context)
    {
        var (text, level) = expression switch
        {
            NumberSyntax n => (Number(n), Primary),
            NameSyntax n => (n.Name, Primary),
            IndexSyntax i => ($"{i.Name}[{string.Join(", ", i.Parts.Select(Part))}]", Primary),
            CallSyntax c => ($"{c.Name}({string.Join(", ", c.Arguments.Select(a => Expression(a)))})", Primary),
            GradSyntax g => ($"grad({g.Function})({string.Join(", ", g.Arguments.Select(a => Expression(a)))})", Primary),
            ArrayLiteralSyntax l => ($"[{string.Join(", ", l.Elements.Select(e => Expression(e)))}]", Primary),
            NegateSyntax n => ("-" + Expression(n.Operand, Unary), Unary),
            NotSyntax n => ("!" + Expression(n.Operand, Unary), Unary),
            ConditionalSyntax c => ($"{Expression(c.Condition, Or)} ? {Expression(c.WhenTrue, Conditional)} : {Expression(c.WhenFalse, Conditional)}", Conditional),
            LogicalSyntax { Operator: "||" } l => ($"{Expression(l.Left, Or)} || {Expression(l.Right, And)}", Or),
            LogicalSyntax { Operator: "&&" } l => ($"{Expression(l.Left, And)} && {Expression(l.Right, Comparison)}", And),
            LogicalSyntax l => ($"{Expression(l.Left, Sum)} {l.Operator} {Expression(l.Right, Sum)}", Comparison),
            BinarySyntax { Operator: '^' } b => ($"{Expression(b.Left, Primary)}^{Expression(b.Right, Unary)}", Unary + 1),
            BinarySyntax { Operator: '+' or '-' } b => ($"{Expression(b.Left, Sum)} {b.Operator} {Expression(b.Right, Product)}", Sum),
            BinarySyntax b => ($"{Expression(b.Left, Product)} {b.Operator} {Expression(b.Right, Unary)}", Product),
            _ => throw new InvalidOperationException($"Unknown expression {expression.GetType().Name}."),
        };
        return level >= context ? text : $"({text})";
    }

    private static string Number(NumberSyntax n)
    {
        if (double.IsPositiveInfinity(n.Value)) return n.IsInteger ? "1" + new string('0', 400) : "1e999";
        if (n.IsInteger) return n.Value.ToString("F0", CultureInfo.InvariantCulture);
        string text = n.Value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
