using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Sines and cosines on scalar lanes, computed together. A sine's derivative is the cosine of the same value, so pairs
/// are common, and programs such as a robot's kinematics take the sines and cosines of several inputs at once. Every
/// sine or cosine whose operand is ready at the first of them joins its group, up to one value per lane of the widest
/// vector this processor runs natively: the group's values go through one vector <c>SinCos</c> (the same function the
/// batch kernels' lanes use, within 2 ulp of <see cref="Math"/>), computed at the group's first instruction; a group of
/// one value (or where no vector runs natively) takes one <see cref="Math.SinCos"/> call, the values of
/// <see cref="Math.Sin"/> and <see cref="Math.Cos"/>. Each member then reads its own local.
/// </summary>
internal sealed class SinCosGroups
{
    private static readonly MethodInfo ScalarSinCos = typeof(Math).GetMethod(nameof(Math.SinCos), [typeof(double)])!;

    /// <summary>The widest native vector's lane count, its SinCos, Create (one double per lane) and GetElement methods; null without one.</summary>
    private static readonly VectorShape? Vector = VectorShape.Widest();

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
        int width = Vector?.Lanes ?? 1;
        Group? open = null;
        for (int id = start; id < end; id++)
        {
            var instruction = program.Instructions[id];
            if (instruction.Op is not (IrOp.Sin or IrOp.Cos) || instruction.A.IsConstant) continue;
            var operand = instruction.A;
            // A member's operand must be computed before the group's first instruction, where the group is computed.
            bool joins = open is not null && operand.Value < open.First
                && (open.Operands.Contains(operand) || open.Operands.Count < width);
            if (!joins)
            {
                open = new Group(id);
                groups._groupOfFirst[id] = open;
            }
            if (!open!.Operands.Contains(operand)) open.Operands.Add(operand);
            open.Members.Add((id, instruction.Op, open.Operands.IndexOf(operand)));
        }
        foreach (var (first, group) in groups._groupOfFirst.Where(g => g.Value.Members.Count == 1).ToList()) groups._groupOfFirst.Remove(first);
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
            if (group.Operands.Count == 1 || Vector is null) EmitScalar(il, group, load);
            else EmitVector(il, group, Vector, load);
        }
        if (!_results.Remove(id, out var result)) return false;
        il.Emit(OpCodes.Ldloc, result);
        return true;
    }

    // Each operand by Math.SinCos (a group of one value, or no native vector).
    private void EmitScalar(ILGenerator il, Group group, Action<Term> load)
    {
        var pair = il.DeclareLocal(typeof(ValueTuple<double, double>));
        for (int lane = 0; lane < group.Operands.Count; lane++)
        {
            load(group.Operands[lane]);
            il.Emit(OpCodes.Call, ScalarSinCos);
            il.Emit(OpCodes.Stloc, pair);
            foreach (var (member, op, _) in group.Members.Where(m => m.Lane == lane))
            {
                il.Emit(OpCodes.Ldloc, pair);
                il.Emit(OpCodes.Ldfld, typeof(ValueTuple<double, double>).GetField(op == IrOp.Sin ? "Item1" : "Item2")!);
                StoreResult(il, member);
            }
        }
    }

    // The operands in the lanes of one vector (unused lanes 0), one vector SinCos, each member's lane into its local.
    private void EmitVector(ILGenerator il, Group group, VectorShape vector, Action<Term> load)
    {
        for (int lane = 0; lane < vector.Lanes; lane++)
        {
            if (lane < group.Operands.Count) load(group.Operands[lane]);
            else il.Emit(OpCodes.Ldc_R8, 0.0);
        }
        il.Emit(OpCodes.Call, vector.Create);
        il.Emit(OpCodes.Call, vector.SinCos);
        var pair = il.DeclareLocal(vector.SinCos.ReturnType);
        il.Emit(OpCodes.Stloc, pair);
        foreach (var (member, op, lane) in group.Members)
        {
            il.Emit(OpCodes.Ldloc, pair);
            il.Emit(OpCodes.Ldfld, vector.SinCos.ReturnType.GetField(op == IrOp.Sin ? "Item1" : "Item2")!);
            il.Emit(OpCodes.Ldc_I4, lane);
            il.Emit(OpCodes.Call, vector.GetElement);
            StoreResult(il, member);
        }
    }

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

    private sealed record VectorShape(int Lanes, MethodInfo SinCos, MethodInfo Create, MethodInfo GetElement)
    {
        public static VectorShape? Widest()
        {
            if (Vector512.IsHardwareAccelerated) return Of(typeof(Vector512), typeof(Vector512<double>), 8);
            if (Vector256.IsHardwareAccelerated) return Of(typeof(Vector256), typeof(Vector256<double>), 4);
            return null;
        }

        private static VectorShape Of(Type statics, Type vector, int lanes) => new(
            lanes,
            statics.GetMethod("SinCos", [vector])!,
            statics.GetMethod("Create", Enumerable.Repeat(typeof(double), lanes).ToArray())!,
            statics.GetMethod("GetElement")!.MakeGenericMethod(typeof(double)));
    }
}
