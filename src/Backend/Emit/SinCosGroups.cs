using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Sines and cosines on scalar lanes, computed together. A sine's derivative is the cosine of the same value, so pairs
/// are common, and programs such as a robot's kinematics take the sines and cosines of several inputs at once. Every
/// sine or cosine whose operand is ready at the first of them joins its group, up to one value per lane of the batch
/// kernels' vector (<see cref="VectorLaneEmitter.Widest"/>): the group's values go through that vector's <c>SinCos</c>
/// (the function the batch lanes use, within 2 ulp of <see cref="Math"/>), computed at the group's first instruction; a
/// group of one value takes one <see cref="Math.SinCos"/> call, the values of <see cref="Math.Sin"/> and
/// <see cref="Math.Cos"/>. Each member then reads its own local.
/// </summary>
internal sealed class SinCosGroups
{
    private static readonly MethodInfo ScalarSinCos = typeof(Math).GetMethod(nameof(Math.SinCos), [typeof(double)])!;

    private static VectorMethods Vector => VectorLaneEmitter.Widest.Methods;

    private readonly Dictionary<int, Group> _groupOfFirst = [];          // the id of a group's first instruction → the group
    private readonly Dictionary<int, LocalBuilder> _results = [];        // a member's id → the local holding its value

    private SinCosGroups() { }

    /// <summary>No groups: every sine and cosine is its own call.</summary>
    public static SinCosGroups None => new();

    /// <summary>The groups of instructions <paramref name="start"/> to <paramref name="end"/> (exclusive); none unless <paramref name="lanes"/> are scalar.</summary>
    public static SinCosGroups Find(JacobianProgram program, int start, int end, ILaneEmitter lanes)
    {
        var groups = new SinCosGroups();
        if (lanes.Lanes != 1) return groups;
        Group? open = null;
        for (int id = start; id < end; id++)
        {
            var instruction = program.Instructions[id];
            if (instruction.Op is not (IrOp.Sin or IrOp.Cos) || instruction.A.IsConstant) continue;
            var operand = instruction.A;
            // A member's operand must be computed before the group's first instruction, where the group is computed.
            bool joins = open is not null && operand.Value < open.First
                && (open.Operands.Contains(operand) || open.Operands.Count < Vector.Lanes);
            if (!joins)
            {
                open = new Group(id);
                groups._groupOfFirst[id] = open;
            }
            if (!open!.Operands.Contains(operand)) open.Operands.Add(operand);
            open.Members.Add((id, instruction.Op, open.Operands.IndexOf(operand)));
        }
        // A lone sine or cosine is an ordinary instruction.
        foreach (int first in groups._groupOfFirst.Where(g => g.Value.Members.Count == 1).Select(g => g.Key).ToList()) groups._groupOfFirst.Remove(first);
        return groups;
    }

    /// <summary>
    /// Pushes the result of <paramref name="instruction"/> (value <paramref name="id"/>) if it belongs to a group, and
    /// says whether it did; at a group's first instruction the whole group is computed. <paramref name="load"/> pushes
    /// an operand.
    /// </summary>
    public bool TryEmit(ILGenerator il, int id, Instruction instruction, Action<Term> load)
    {
        if (_groupOfFirst.Remove(id, out var group))
        {
            if (group.Operands.Count == 1) EmitScalar(il, group, load);
            else EmitVector(il, group, load);
        }
        if (!_results.Remove(id, out var result)) return false;
        il.Emit(OpCodes.Ldloc, result);
        return true;
    }

    // A group of one value: Math.SinCos, each member's half into its local.
    private void EmitScalar(ILGenerator il, Group group, Action<Term> load)
    {
        load(group.Operands[0]);
        il.Emit(OpCodes.Call, ScalarSinCos);
        var pair = il.DeclareLocal(ScalarSinCos.ReturnType);
        il.Emit(OpCodes.Stloc, pair);
        foreach (var (member, op, _) in group.Members)
        {
            il.Emit(OpCodes.Ldloc, pair);
            il.Emit(OpCodes.Ldfld, Half(ScalarSinCos, op));
            StoreResult(il, member);
        }
    }

    // The operands in the lanes of one vector (unused lanes 0), one vector SinCos, each member's lane into its local.
    private void EmitVector(ILGenerator il, Group group, Action<Term> load)
    {
        for (int lane = 0; lane < Vector.Lanes; lane++)
        {
            if (lane < group.Operands.Count) load(group.Operands[lane]);
            else il.Emit(OpCodes.Ldc_R8, 0.0);
        }
        il.Emit(OpCodes.Call, Vector.FromLanes);
        il.Emit(OpCodes.Call, Vector.SinCos);
        var pair = il.DeclareLocal(Vector.SinCos.ReturnType);
        il.Emit(OpCodes.Stloc, pair);
        foreach (var (member, op, lane) in group.Members)
        {
            il.Emit(OpCodes.Ldloc, pair);
            il.Emit(OpCodes.Ldfld, Half(Vector.SinCos, op));
            il.Emit(OpCodes.Ldc_I4, lane);
            il.Emit(OpCodes.Call, Vector.GetElement);
            StoreResult(il, member);
        }
    }

    // The sine (Item1) or cosine (Item2) of a SinCos method's tuple.
    private static FieldInfo Half(MethodInfo sinCos, IrOp op) => sinCos.ReturnType.GetField(op == IrOp.Sin ? "Item1" : "Item2")!;

    private void StoreResult(ILGenerator il, int member)
    {
        var local = il.DeclareLocal(typeof(double));
        il.Emit(OpCodes.Stloc, local);
        _results[member] = local;
    }

    /// <summary>Sines and cosines computed together at instruction <see cref="First"/>: their distinct operands (one lane each) and the members.</summary>
    private sealed class Group(int first)
    {
        public int First { get; } = first;
        public List<Term> Operands { get; } = [];
        public List<(int Id, IrOp Op, int Lane)> Members { get; } = [];
    }
}
