using Elim.Graph;
using Sprache;

namespace Elim.Frontend.Syntax;

/// <summary>
/// The grammar of <c>.elim</c> files, built once per file name (spans carry it). Alternatives are
/// joined with <c>XOr</c> and repetitions with <c>XMany</c>, so a construct that starts to match and
/// then breaks reports the break, not a failure at its beginning.
/// </summary>
internal sealed class Grammar
{
    private readonly Tokens _t;

    /// <summary>Builds the parsers for <paramref name="file"/>.</summary>
    public Grammar(string file)
    {
        _t = new Tokens(file);
        Expression = Defer(() => Conditional!);
        Conditional = Suffixes(Defer(() => Or!), ["?"],
            from whenTrue in Expression
            from colon in _t.Symbol(":")
            from whenFalse in Defer(() => Conditional!)
            select (whenTrue, whenFalse), once: true,
            (condition, _, arms) => new ConditionalSyntax(condition, arms.whenTrue, arms.whenFalse, Tokens.Join(condition.Span, arms.whenFalse.Span)));
        Or = Suffixes(Defer(() => And!), ["||"], Defer(() => And!), once: false,
            (left, _, right) => new LogicalSyntax("||", left, right, Tokens.Join(left.Span, right.Span)));
        And = Suffixes(Defer(() => Comparison!), ["&&"], Defer(() => Comparison!), once: false,
            (left, _, right) => new LogicalSyntax("&&", left, right, Tokens.Join(left.Span, right.Span)));
        // Two-character operators first, so that '<=' is not read as '<'.
        Comparison = Suffixes(Defer(() => Sum!), ["<=", ">=", "==", "!=", "<", ">"], Defer(() => Sum!), once: true,
            (left, op, right) => new LogicalSyntax(op, left, right, Tokens.Join(left.Span, right.Span)));
        Sum = Arithmetic(Defer(() => Product!), '+', '-');
        Product = Arithmetic(Defer(() => Unary!), '*', '/', '@');
        // Only a negation starts with '-' and only a logical not with '!'.
        Unary = Choice("expression", input => input.AtEnd ? Power!(input) : input.Current switch
        {
            '-' => Negation(input),
            '!' => LogicalNot(input),
            _ => Power!(input),
        });
        Power = Suffixes(Primary, ["^"], Defer(() => Unary!), once: true,
            (baseValue, _, exponent) => new BinarySyntax('^', baseValue, exponent, Tokens.Join(baseValue.Span, exponent.Span)));
        // The first character rules out all but one or two kinds of statement, which fail where they start (an assignment
        // can start with 'f' or 'i' too); trying only those saves the failures of the others at every statement.
        var (assign, destructure) = (Defer(() => Assign!), Defer(() => Destructure!));
        var (forOrAssign, ifOrAssign) = (Choice("statement", Defer(() => For!), assign), Choice("statement", Defer(() => If!), assign));
        Statement = Choice("statement", input => input.AtEnd ? assign(input) : input.Current switch
        {
            'f' => forOrAssign(input),
            'i' => ifOrAssign(input),
            '(' => destructure(input),
            _ => assign(input),
        });
        Block =
            from open in _t.Symbol("{")
            from body in Statement.XMany()
            from close in _t.Symbol("}").Named("statement or '}'")
            select body.ToList();
        Item = Const.Select(c => (object)c).XOr(Function).Named("'const' or 'function'");
    }

    /// <summary>Any expression.</summary>
    public Parser<ExpressionSyntax> Expression { get; }

    /// <summary>One statement of a function body.</summary>
    public Parser<StatementSyntax> Statement { get; }

    /// <summary>A top-level item: a <see cref="ConstSyntax"/> or a <see cref="FunctionSyntax"/>.</summary>
    public Parser<object> Item { get; }

    private Parser<ExpressionSyntax> Conditional { get; }
    private Parser<ExpressionSyntax> Or { get; }
    private Parser<ExpressionSyntax> And { get; }
    private Parser<ExpressionSyntax> Comparison { get; }
    private Parser<ExpressionSyntax> Sum { get; }
    private Parser<ExpressionSyntax> Product { get; }
    private Parser<ExpressionSyntax> Unary { get; }
    private Parser<ExpressionSyntax> Power { get; }
    private Parser<List<StatementSyntax>> Block { get; }

    // Sprache's Parse.Ref memoizes failures and throws when a parser is retried at the same place, as XMany does.
    private static Parser<T> Defer<T>(Func<Parser<T>> parser) => input => parser()(input);

    /// <summary>
    /// <c>a.XOr(b).XOr(…).Named(name)</c> for alternatives that never succeed on no input: the first that succeeds or fails
    /// after consuming input decides; when all fail where they started, it fails there expecting <paramref name="name"/>.
    /// Written out because the combinators merge the expectations of every failed branch, which the name then replaces.
    /// </summary>
    private static Parser<T> Choice<T>(string name, params Parser<T>[] alternatives)
    {
        string[] expected = [name];
        string message = $"expected {name}";
        return input =>
        {
            foreach (var alternative in alternatives)
            {
                var result = alternative(input);
                if (result.WasSuccessful || !result.Remainder.Equals(input)) return result;
            }
            return Result.Failure<T>(input, message, expected);
        };
    }

    /// <summary>Left-associative <paramref name="operators"/> between operands.</summary>
    private Parser<ExpressionSyntax> Arithmetic(Parser<ExpressionSyntax> operand, params char[] operators) =>
        Suffixes(operand, [.. operators.Select(o => o.ToString())], operand, once: false,
            (left, op, right) => new BinarySyntax(op[0], left, right, Tokens.Join(left.Span, right.Span)));

    /// <summary>
    /// <paramref name="operand"/>, then one of <paramref name="operators"/> followed by <paramref name="right"/> as often as
    /// an operator follows (at most once when <paramref name="once"/>), each folded in from the left:
    /// <c>operand.Then((op, right).XMany())</c> (or <c>XOptional</c>) written as a loop, because the expression levels run
    /// at every operand and the combinators allocate parsers and results per run; for the same reason the operator
    /// token is tried only where the next character can start one. A <paramref name="right"/> that fails after its
    /// operator fails the whole, as with <c>XMany</c>.
    /// </summary>
    private Parser<ExpressionSyntax> Suffixes<TRight>(Parser<ExpressionSyntax> operand, string[] operators, Parser<TRight> right, bool once,
        Func<ExpressionSyntax, string, TRight, ExpressionSyntax> combine)
    {
        var op = _t.OneOf("operator", operators);
        string starts = string.Concat(operators.Select(o => o[0]));
        return input =>
        {
            var first = operand(input);
            if (!first.WasSuccessful) return first;
            var value = first.Value;
            var at = first.Remainder;
            do
            {
                var symbol = at.AtEnd || !starts.Contains(at.Current) ? null : op(at); // a token: it fails where it starts
                if (symbol is not { WasSuccessful: true }) return ReferenceEquals(at, first.Remainder) ? first : Result.Success(value, at);
                var next = right(symbol.Remainder);
                if (!next.WasSuccessful) return Failed(next);
                value = combine(value, symbol.Value, next.Value);
                at = next.Remainder;
            } while (!once);
            return Result.Success(value, at);
        };
    }

    private Parser<ExpressionSyntax>? _negation;
    private Parser<ExpressionSyntax> Negation => _negation ??=
        from minus in _t.Symbol("-")
        from operand in Unary
        select (ExpressionSyntax)new NegateSyntax(operand, Tokens.Join(minus, operand.Span));

    private Parser<ExpressionSyntax>? _logicalNot;
    private Parser<ExpressionSyntax> LogicalNot => _logicalNot ??=
        from bang in _t.Symbol("!")
        from operand in Unary
        select (ExpressionSyntax)new NotSyntax(operand, Tokens.Join(bang, operand.Span));

    private Parser<ExpressionSyntax>? _primary;
    private Parser<ExpressionSyntax> Primary => _primary ??= BuildPrimary();

    // The first character tells the alternatives apart: each of the others fails there.
    private Parser<ExpressionSyntax> BuildPrimary()
    {
        Parser<ExpressionSyntax> number = _t.Number, nameOrCall = NameOrCall, parenthesized = Parenthesized, arrayLiteral = ArrayLiteral;
        return Choice("expression", input => input.AtEnd ? number(input) : input.Current switch
        {
            '(' => parenthesized(input),
            '[' => arrayLiteral(input),
            var c when Tokens.IsWordStart(c) => nameOrCall(input),
            _ => number(input),
        });
    }

    /// <summary><c>open item {, item} close</c>, at least one item, as in <c>[a, b]</c>.</summary>
    private Parser<(List<T> Items, SourceSpan Open, SourceSpan Close)> CommaList<T>(string open, Parser<T> item, string close)
    {
        var rest = (from comma in _t.Symbol(",") from i in item select i).XMany();
        var closing = _t.Symbol(close).Named($"',' or '{close}'");
        return
            from o in _t.Symbol(open)
            from first in item
            from others in rest
            from c in closing
            select (new List<T> { first }.Concat(others).ToList(), o, c);
    }

    private Parser<ExpressionSyntax>? _arrayLiteral;
    private Parser<ExpressionSyntax> ArrayLiteral => _arrayLiteral ??=
        CommaList("[", Expression, "]").Select(l => (ExpressionSyntax)new ArrayLiteralSyntax(l.Items, Tokens.Join(l.Open, l.Close)));

    private Parser<ExpressionSyntax>? _parenthesized;
    private Parser<ExpressionSyntax> Parenthesized => _parenthesized ??= BuildParenthesized();

    // ( expression ). Written out rather than as a query, as the argument lists: they run at every operand they wrap.
    private Parser<ExpressionSyntax> BuildParenthesized()
    {
        var (open, close) = (_t.Symbol("("), _t.Symbol(")"));
        return input =>
        {
            var opened = open(input);
            if (!opened.WasSuccessful) return Failed(opened);
            var inner = Expression(opened.Remainder);
            if (!inner.WasSuccessful) return inner;
            var closed = close(inner.Remainder);
            return closed.WasSuccessful ? Result.Success(inner.Value, closed.Remainder) : Failed(closed);
        };
    }

    private Parser<(List<ExpressionSyntax> Arguments, SourceSpan End)>? _argumentsWithEnd;
    private Parser<(List<ExpressionSyntax> Arguments, SourceSpan End)> ArgumentsWithEnd => _argumentsWithEnd ??= BuildArgumentsWithEnd();

    // ( [expression {, expression}] ), with the end's span: Symbol("(").Then(Expression.XOptional()).Then((",", Expression).XMany())
    // and the closing parenthesis, named for what could have come instead.
    private Parser<(List<ExpressionSyntax> Arguments, SourceSpan End)> BuildArgumentsWithEnd()
    {
        var (open, comma) = (_t.Symbol("("), _t.Symbol(","));
        var closeAfterArgument = _t.Symbol(")").Named("',' or ')'");
        var closeAlone = _t.Symbol(")").Named("expression or ')'");
        return input =>
        {
            var opened = open(input);
            if (!opened.WasSuccessful) return Failed<(List<ExpressionSyntax>, SourceSpan), SourceSpan>(opened);
            var arguments = new List<ExpressionSyntax>();
            var at = opened.Remainder;
            var argument = Expression(at);
            while (argument.WasSuccessful)
            {
                arguments.Add(argument.Value);
                at = argument.Remainder;
                var separator = comma(at);
                if (!separator.WasSuccessful) break;
                argument = Expression(separator.Remainder);
            }
            // An argument that breaks after its start breaks the list (XOptional, XMany).
            if (!argument.WasSuccessful && !argument.Remainder.Equals(at)) return Failed<(List<ExpressionSyntax>, SourceSpan), ExpressionSyntax>(argument);
            var closed = (arguments.Count > 0 ? closeAfterArgument : closeAlone)(at);
            return closed.WasSuccessful
                ? Result.Success((arguments, closed.Value), closed.Remainder)
                : Failed<(List<ExpressionSyntax>, SourceSpan), SourceSpan>(closed);
        };
    }

    private Parser<IndexPart>? _indexPosition;
    private Parser<IndexPart> IndexPosition => _indexPosition ??=
        (from colon in _t.Symbol(":")
         from high in Expression.XOptional()
         select Frontend.IndexPart.Slice(null, high.GetOrDefault(), colon))
        .XOr(
            from low in Expression
            from slice in (from colon in _t.Symbol(":") from high in Expression.XOptional() select high).XOptional()
            select slice.IsDefined ? Frontend.IndexPart.Slice(low, slice.Get().GetOrDefault(), low.Span) : Frontend.IndexPart.Single(low))
        .Named("expression");

    private Parser<(List<IndexPart> Parts, SourceSpan End)>? _indexSuffix;
    private Parser<(List<IndexPart> Parts, SourceSpan End)> IndexSuffix => _indexSuffix ??=
        CommaList("[", IndexPosition, "]").Select(l => (l.Items, l.Close));

    private Parser<CallSyntax>? _call;
    private Parser<CallSyntax> Call => _call ??=
        (from name in _t.Name
         from args in ArgumentsWithEnd
         select new CallSyntax(name.Name, args.Arguments, name.Span, Tokens.Join(name.Span, args.End)))
        .Named("function call");

    private Parser<ExpressionSyntax>? _nameOrCall;
    private Parser<ExpressionSyntax> NameOrCall => _nameOrCall ??= BuildNameOrCall();

    // A name, a call name(...), an index name[...] or grad(f)(...). Written out rather than as a query: it runs at every
    // name, and a query builds parsers and results at each of its steps.
    private Parser<ExpressionSyntax> BuildNameOrCall()
    {
        var name = _t.Name;
        var arguments = ArgumentsWithEnd;
        var index = IndexSuffix;
        var gradientArguments = ArgumentsWithEnd.Named("'(' and the arguments of the gradient, as in grad(f)(x)");
        return input =>
        {
            var named = name(input);
            if (!named.WasSuccessful) return Failed(named);
            var (text, span) = named.Value;
            var at = named.Remainder;
            if (at.AtEnd || at.Current is not ('(' or '[')) return Result.Success<ExpressionSyntax>(new NameSyntax(text, span), at);
            if (at.Current == '[')
            {
                var indexed = index(at);
                return indexed.WasSuccessful
                    ? Result.Success<ExpressionSyntax>(new IndexSyntax(text, indexed.Value.Parts, Tokens.Join(span, indexed.Value.End)), indexed.Remainder)
                    : Failed(indexed);
            }
            var call = arguments(at);
            if (!call.WasSuccessful) return Failed(call);
            if (text != GradKeyword)
                return Result.Success<ExpressionSyntax>(new CallSyntax(text, call.Value.Arguments, span, Tokens.Join(span, call.Value.End)), call.Remainder);
            var gradient = gradientArguments(call.Remainder);
            return gradient.WasSuccessful
                ? Result.Success(Grad(call.Value.Arguments, gradient.Value.Arguments, Tokens.Join(span, gradient.Value.End), span), gradient.Remainder)
                : Failed(gradient);
        };
    }

    private static IResult<ExpressionSyntax> Failed<T>(IResult<T> failure) => Failed<ExpressionSyntax, T>(failure);

    /// <summary>A failure passed on as a parser of another type, as Sprache's <c>Then</c> does.</summary>
    private static IResult<TResult> Failed<TResult, T>(IResult<T> failure) => Result.Failure<TResult>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>The name that starts <c>grad(f)(x)</c>.</summary>
    public const string GradKeyword = "grad";

    // grad(f)(x): the first list names the function; anything else there is kept as a call the lowering rejects with its span.
    private static ExpressionSyntax Grad(List<ExpressionSyntax> function, List<ExpressionSyntax> arguments, SourceSpan span, SourceSpan gradSpan) =>
        function is [NameSyntax f]
            ? new GradSyntax(f.Name, arguments, f.Span, span)
            : new CallSyntax(GradKeyword, function, gradSpan, span);

    private Parser<TargetSyntax>? _target;
    private Parser<TargetSyntax> Target => _target ??= BuildTarget();

    // A name or name[i, j]. Written out rather than as a query, as the assignment: they run at every statement.
    private Parser<TargetSyntax> BuildTarget()
    {
        var name = _t.Name;
        var indices = CommaList("[", Expression, "]");
        return input =>
        {
            var named = name(input);
            if (!named.WasSuccessful) return Failed<TargetSyntax, (string, SourceSpan)>(named);
            var (text, span) = named.Value;
            if (named.Remainder.AtEnd || named.Remainder.Current != '[') return Result.Success(new TargetSyntax(text, [], span), named.Remainder);
            var indexed = indices(named.Remainder);
            return indexed.WasSuccessful
                ? Result.Success(new TargetSyntax(text, indexed.Value.Items, Tokens.Join(span, indexed.Value.Close)), indexed.Remainder)
                : Failed<TargetSyntax, (List<ExpressionSyntax>, SourceSpan, SourceSpan)>(indexed);
        };
    }

    private Parser<StatementSyntax>? _assign;
    private Parser<StatementSyntax> Assign => _assign ??= BuildAssign();

    // target = expression;
    private Parser<StatementSyntax> BuildAssign()
    {
        var (target, assignSign, semicolon) = (Target, _t.Symbol("="), _t.Symbol(";"));
        return input =>
        {
            var assigned = target(input);
            if (!assigned.WasSuccessful) return Failed<StatementSyntax, TargetSyntax>(assigned);
            var sign = assignSign(assigned.Remainder);
            if (!sign.WasSuccessful) return Failed<StatementSyntax, SourceSpan>(sign);
            var value = Expression(sign.Remainder);
            if (!value.WasSuccessful) return Failed<StatementSyntax, ExpressionSyntax>(value);
            var end = semicolon(value.Remainder);
            if (!end.WasSuccessful) return Failed<StatementSyntax, SourceSpan>(end);
            return Result.Success<StatementSyntax>(new AssignSyntax(assigned.Value, value.Value, Tokens.Join(assigned.Value.Span, end.Value)), end.Remainder);
        };
    }

    private Parser<StatementSyntax>? _destructure;
    private Parser<StatementSyntax> Destructure => _destructure ??=
        from targets in CommaList("(", Target, ")")
        from assignSign in _t.Symbol("=")
        from call in Call
        from semicolon in _t.Symbol(";")
        select (StatementSyntax)new DestructureSyntax(targets.Items, call, Tokens.Join(targets.Open, semicolon));

    private Parser<StatementSyntax>? _for;
    private Parser<StatementSyntax> For => _for ??=
        from keyword in _t.Keyword("for")
        from variable in _t.Name
        from inKeyword in _t.Keyword("in")
        from low in Expression
        from range in _t.Symbol("..")
        from high in Expression
        from body in Block
        select (StatementSyntax)new ForSyntax(variable.Name, low, high, body, variable.Span);

    private Parser<StatementSyntax>? _if;
    private Parser<StatementSyntax> If => _if ??=
        from keyword in _t.Keyword("if")
        from open in _t.Symbol("(")
        from condition in Expression
        from close in _t.Symbol(")")
        from then in Block
        from otherwise in (
            from elseKeyword in _t.Keyword("else")
            from body in Defer(() => If!).Select(i => new List<StatementSyntax> { i }).XOr(Block)
            select body).XOptional()
        select (StatementSyntax)new IfSyntax(condition, then, otherwise.IsDefined ? otherwise.Get() : null, keyword);

    private Parser<ParameterSyntax>? _parameter;
    private Parser<ParameterSyntax> Parameter => _parameter ??=
        from data in _t.Keyword("data").XOptional()
        from name in _t.Name
        from dimensions in CommaList("[", _t.Number, "]").XOptional()
        select new ParameterSyntax(name.Name, dimensions.IsDefined ? dimensions.Get().Items.Select(ArraySize).ToList() : [], data.IsDefined,
            Tokens.Join(data.IsDefined ? data.Get() : name.Span, dimensions.IsDefined ? dimensions.Get().Close : name.Span));

    // A size that is not a positive integer literal is kept as 0, one past int's range as -1: the lowering reports both
    // with the span (and a size within range but past the vertex limit, against the limit).
    private static int ArraySize(NumberSyntax n) => !n.IsInteger || n.Value < 1 ? 0 : n.Value > int.MaxValue ? -1 : (int)n.Value;

    private Parser<List<ParameterSyntax>> ParameterList(string what) =>
        from open in _t.Symbol("(")
        from first in Parameter.XOptional()
        from rest in (from comma in _t.Symbol(",") from p in Parameter select p).XMany()
        from close in _t.Symbol(")").Named(first.IsDefined ? "',' or ')'" : $"{what} or ')'")
        select first.IsDefined ? [first.Get(), .. rest] : rest.ToList();

    private Parser<object>? _function;
    private Parser<object> Function => _function ??=
        from keyword in _t.Keyword("function")
        from name in _t.Name
        from parameters in ParameterList("parameter")
        from arrow in _t.Symbol("->")
        from outputs in ParameterList("output")
        from body in Block
        select (object)new FunctionSyntax(name.Name, parameters, outputs, body, name.Span);

    private Parser<ConstSyntax>? _const;
    private Parser<ConstSyntax> Const => _const ??=
        from keyword in _t.Keyword("const")
        from name in _t.Name
        from assignSign in _t.Symbol("=")
        from value in Expression
        from semicolon in _t.Symbol(";")
        select new ConstSyntax(name.Name, value, name.Span);
}
