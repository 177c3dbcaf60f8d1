using System.Runtime.InteropServices;

namespace Elim.Backend.Program;

/// <summary>
/// Builds a straight-line program while simplifying on the way: constants fold, additions of 0 and
/// multiplications by ±1 or 0 disappear, signs travel in <see cref="Term"/>s instead of becoming
/// instructions, and an instruction identical to an earlier one reuses its value (the code is pure).
/// </summary>
public sealed class ProgramBuilder
{
    private readonly InstructionList _instructions = new();
    private readonly InstructionTable _existing = new();
    private readonly List<bool> _isEliminationProduct = [];  // per value id

    /// <summary>A builder for a program with local partials (<paramref name="withPartials"/>) or of the primal alone.</summary>
    public ProgramBuilder(bool withPartials = true) => WithPartials = withPartials;

    /// <summary>
    /// Whether local partials follow the values: a rule may then write a value in a form its partials share
    /// (pow's ln a), which a primal alone would compute for nothing.
    /// </summary>
    public bool WithPartials { get; }

    /// <summary>The instructions so far (value id = index), without copying them: a big program has millions.</summary>
    internal InstructionList Instructions => _instructions;

    /// <summary>Whether value <paramref name="id"/> is a multiplication of an elimination step.</summary>
    public bool IsEliminationProduct(int id) => _isEliminationProduct[id];

    /// <summary>Loads independent <paramref name="index"/>.</summary>
    public Term Input(int index) => Emit(new Instruction(IrOp.Input, Term.Zero, Term.Zero, index));

    /// <summary>Loads data input <paramref name="index"/>.</summary>
    public Term Data(int index) => Emit(new Instruction(IrOp.Data, Term.Zero, Term.Zero, index));

    /// <summary>Applies a one-operand operation.</summary>
    public Term Unary(IrOp op, Term a)
    {
        if (op == IrOp.Neg) return a.Negate();
        if (a.IsConstant) return Term.Of(IrOps.Evaluate(op, a.Constant, 0));
        return Emit(new Instruction(op, Materialize(a), Term.Zero, 0));
    }

    /// <summary>Applies a two-operand operation.</summary>
    public Term Binary(IrOp op, Term a, Term b)
    {
        switch (op)
        {
            case IrOp.Add: return Add(a, b);
            case IrOp.Sub: return Add(a, b.Negate());
            case IrOp.Mul: return Mul(a, b);
            case IrOp.Div: return Div(a, b);
            case IrOp.ZeroWhereZero when a.IsConstant: return a.Constant == 0 ? Term.Zero : b;
            case IrOp.Pow when a.Is(1): return Term.Of(1); // 1^b = 1 for every b, NaN included (IEEE 754).
        }
        if (a.IsConstant && b.IsConstant) return Term.Of(IrOps.Evaluate(op, a.Constant, b.Constant));
        return Emit(new Instruction(op, Materialize(a), Materialize(b), 0));
    }

    /// <summary>Applies a three-operand operation (folded when all operands are constants, a select when its condition is).</summary>
    public Term Ternary(IrOp op, Term a, Term b, Term c)
    {
        if (op == IrOp.PowFromLog && a.Is(1)) return Term.Of(1);
        if (op == IrOp.Select && a.IsConstant) return a.Constant != 0 ? b : c;
        if (op == IrOp.Select && !b.IsConstant && b == c) return b;
        if (a.IsConstant && b.IsConstant && c.IsConstant) return Term.Of(IrOps.Evaluate(op, a.Constant, b.Constant, c.Constant));
        return Emit(new Instruction(op, Materialize(a), Materialize(b), 0) { C = Materialize(c) });
    }

    /// <summary>a + b.</summary>
    public Term Add(Term a, Term b)
    {
        if (a.IsConstant && b.IsConstant) return Term.Of(a.Constant + b.Constant);
        if (IsZero(a)) return b;
        if (IsZero(b)) return a;
        if (a.IsConstant) return Emit(new Instruction(b.Negated ? IrOp.Sub : IrOp.Add, a, b.Magnitude, 0));
        if (b.IsConstant)
        {
            // −v + c = −(v − c) exactly, so the sign stays a flag.
            return a.Negated
                ? Emit(new Instruction(IrOp.Sub, a.Magnitude, b, 0)).Negate()
                : Emit(new Instruction(IrOp.Add, a, b, 0));
        }
        return (a.Negated, b.Negated) switch
        {
            (false, false) => Emit(new Instruction(IrOp.Add, a, b, 0)),
            (false, true) => Emit(new Instruction(IrOp.Sub, a, b.Magnitude, 0)),
            (true, false) => Emit(new Instruction(IrOp.Sub, b, a.Magnitude, 0)),
            (true, true) => Emit(new Instruction(IrOp.Add, a.Magnitude, b.Magnitude, 0)).Negate(),
        };
    }

    /// <summary>a − b.</summary>
    public Term Sub(Term a, Term b) => Add(a, b.Negate());

    /// <summary>a · b; multiplications by ±1 and 0 are not emitted.</summary>
    public Term Mul(Term a, Term b)
    {
        if (a.IsConstant && b.IsConstant) return Term.Of(a.Constant * b.Constant);
        if (IsZero(a) || IsZero(b)) return Term.Zero;
        if (a.IsConstant) (a, b) = (b, a);
        if (b.IsConstant)
        {
            if (b.Constant == 1) return a;
            if (b.Constant == -1) return a.Negate();
            return Emit(new Instruction(IrOp.Mul, a.Magnitude, Term.Of(a.Negated ? -b.Constant : b.Constant), 0));
        }
        var product = Emit(new Instruction(IrOp.Mul, a.Magnitude, b.Magnitude, 0));
        return a.Negated != b.Negated ? product.Negate() : product;
    }

    /// <summary>a · b as a step of an elimination (counted in the emitted cost when it is emitted and live).</summary>
    public Term EliminationProduct(Term a, Term b)
    {
        var product = Mul(a, b);
        // Mul returns a constant, one of its operands (±1 factors) or a multiplication instruction.
        if (!product.IsConstant && product.Value != a.Value && product.Value != b.Value) CollectionsMarshal.AsSpan(_isEliminationProduct)[product.Value] = true;
        return product;
    }

    /// <summary>a / b; division by ±1 is not emitted.</summary>
    public Term Div(Term a, Term b)
    {
        if (a.IsConstant && b.IsConstant) return Term.Of(a.Constant / b.Constant);
        if (b.IsConstant)
        {
            if (b.Constant == 1) return a;
            if (b.Constant == -1) return a.Negate();
            return Emit(new Instruction(IrOp.Div, a.Magnitude, Term.Of(a.Negated ? -b.Constant : b.Constant), 0));
        }
        if (a.IsConstant) return Emit(new Instruction(IrOp.Div, Term.Of(b.Negated ? -a.Constant : a.Constant), b.Magnitude, 0));
        var quotient = Emit(new Instruction(IrOp.Div, a.Magnitude, b.Magnitude, 0));
        return a.Negated != b.Negated ? quotient.Negate() : quotient;
    }

    /// <summary>The value of <paramref name="term"/> with its sign applied by an instruction if it has one.</summary>
    public Term Materialize(Term term) =>
        term.Negated ? Emit(new Instruction(IrOp.Neg, term.Magnitude, Term.Zero, 0)) : term;

    private static bool IsZero(Term term) => term.IsConstant && term.Constant == 0;

    private Term Emit(Instruction instruction)
    {
        int id = _existing.FindOrAdd(_instructions, instruction, _instructions.Count);
        if (id >= 0) return Term.OfValue(id);
        _instructions.Add(instruction);
        _isEliminationProduct.Add(false);
        return Term.OfValue(_instructions.Count - 1);
    }
}
