using System.Globalization;
using System.Text;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// The text twin of the IL emitter: prints a program in the order and with the registers the emitted code
/// uses, one line per instruction or store (<c>r3 = mul r1, r2</c>, <c>r4 = data[0]</c>, <c>J[0,2] = -r3</c>).
/// </summary>
public static class ProgramPrinter
{
    /// <summary>The program as readable pseudo-code.</summary>
    public static string Print(JacobianProgram program)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"// {program.InputCount} inputs, {(program.DataCount > 0 ? $"{program.DataCount} data inputs, " : "")}{program.OutputCount} outputs, {program.JacobianSize} Jacobian entries; ");
        text.Append(CultureInfo.InvariantCulture,
            $"{program.Instructions.Count} instructions in {program.RegisterCount} registers; ");
        text.Append(CultureInfo.InvariantCulture, $"emitted cost {program.EmittedCost}, Markowitz cost {program.MarkowitzCost}\n");
        foreach (int s in program.ConstantStores) AppendStore(program.Stores[s]);
        for (int id = 0; id < program.Instructions.Count; id++)
        {
            var instruction = program.Instructions[id];
            string value = instruction.Op switch
            {
                IrOp.Input => FormattableString.Invariant($"x[{instruction.Index}]"),
                IrOp.Data => FormattableString.Invariant($"data[{instruction.Index}]"),
                _ => IrOps.Name(instruction.Op) + " " + string.Join(", ", instruction.Operands.Select(Operand)),
            };
            text.Append(Register(id)).Append(" = ").Append(value).Append('\n');
            foreach (int s in program.StoresAfter(id)) AppendStore(program.Stores[s]);
        }
        return text.ToString();

        string Register(int id) => "r" + program.Registers[id].ToString(CultureInfo.InvariantCulture);

        string Operand(Term term) => term.IsConstant
            ? term.Constant.ToString("R", CultureInfo.InvariantCulture)
            : (term.Negated ? "-" : "") + Register(term.Value);

        void AppendStore(Store store)
        {
            string slot = store.Target == StoreTarget.Output
                ? $"y[{store.Index}]"
                : $"J[{store.Index / program.InputCount},{store.Index % program.InputCount}]";
            text.Append(slot).Append(" = ").Append(Operand(store.Value)).Append('\n');
        }
    }
}
