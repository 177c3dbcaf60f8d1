using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Instructions on scalar lanes computed together, one value per lane of a vector, where the scalar code would call a
/// function per value or wait on one unit of the core. Every member's operands are ready at the group's first instruction, where the group is
/// computed; each member then reads its own local. Three kinds:
/// <list type="bullet">
/// <item>Sines and cosines. A sine's derivative is the cosine of the same value, so pairs are common, and programs such
/// as a robot's kinematics take the sines and cosines of several inputs at once. The values go through the batch
/// lanes' vector <c>SinCos</c> (<see cref="VectorLaneEmitter.Widest"/>, within 2 ulp of <see cref="Math"/>); a group
/// of one value takes one <see cref="Math.SinCos"/> call, the values of <see cref="Math.Sin"/> and <see cref="Math.Cos"/>.</item>
/// <item>Square roots. They run on the core's divider, one scalar at a time: six independent square roots took 11 ns,
/// as many in one vector 3 ns (perf/results/design-measurements.md). A square root is correctly rounded in every lane,
/// so the values are the scalar ones to the bit. A vector of four lanes holds up to four, the widest vector more.
/// Divisions gain as much alone, but grouped they made RoeFlux_1d's Jacobian slower (85 against 78 ns): packing and
/// unpacking lanes lengthens chains that wait on each quotient.</item>
/// </list>
/// </summary>
internal sealed class LaneGroups
{
    private static readonly MethodInfo ScalarSinCos = typeof(Math).GetMethod(nameof(Math.SinCos), [typeof(double)])!;

    private static VectorMethods Widest => VectorLaneEmitter.Widest.Methods;

    private readonly Dictionary<int, Group> _groupOfFirst = [];          // the id of a group's first instruction → the group
    private readonly Dictionary<int, LocalBuilder> _results = [];        // a member's id → the local holding its value
    private readonly HashSet<int> _members = [];

    private LaneGroups() { }

    private enum Kind { SinCos, Sqrt }

    /// <summary>No groups: every instruction is computed by itself.</summary>
    public static LaneGroups None => new();

    /// <summary>Whether value <paramref name="id"/> is computed in a group (at the group's first instruction).</summary>
    public bool Contains(int id) => _members.Contains(id);

    /// <summary>
    /// The groups of instructions <paramref name="start"/> to <paramref name="end"/> (exclusive); none unless <paramref name="lanes"/>
    /// are scalar and the machine has vectors of four doubles.
    /// </summary>
    public static LaneGroups Find(JacobianProgram program, int start, int end, ILaneEmitter lanes)
    {
        var groups = new LaneGroups();
        if (lanes.Lanes != 1 || !Vector256.IsHardwareAccelerated) return groups;
        var open = new Dictionary<Kind, Group>();
        for (int id = start; id < end; id++)
        {
            var instruction = program.Instructions[id];
            if (KindOf(instruction) is not { } kind) continue;
            var operand = instruction.A;
            // A member's operand must be computed before the group's first instruction, where the group is computed.
            bool joins = open.TryGetValue(kind, out var group) && operand.Value < group.First
                && (group.Operands.Contains(operand) || group.Operands.Count < Widest.Lanes);
            if (!joins)
            {
                group = new Group(kind, id);
                open[kind] = group;
                groups._groupOfFirst[id] = group;
            }
            if (!group!.Operands.Contains(operand)) group.Operands.Add(operand);
            group.Members.Add((id, instruction.Op, group.Operands.IndexOf(operand)));
        }
        // A lone member is an ordinary instruction.
        foreach (int first in groups._groupOfFirst.Where(g => g.Value.Members.Count == 1).Select(g => g.Key).ToList()) groups._groupOfFirst.Remove(first);
        foreach (var group in groups._groupOfFirst.Values) groups._members.UnionWith(group.Members.Select(m => m.Id));
        return groups;
    }

    private static Kind? KindOf(Instruction instruction) => instruction.Op switch
    {
        IrOp.Sin or IrOp.Cos when !instruction.A.IsConstant => Kind.SinCos,
        IrOp.Sqrt when !instruction.A.IsConstant => Kind.Sqrt,
        _ => null,
    };

    /// <summary>
    /// Pushes the result of <paramref name="instruction"/> (value <paramref name="id"/>) if it belongs to a group, and
    /// says whether it did; at a group's first instruction the whole group is computed. <paramref name="load"/> pushes
    /// an operand.
    /// </summary>
    public bool TryEmit(ILGenerator il, int id, Instruction instruction, Action<Term> load)
    {
        if (_groupOfFirst.Remove(id, out var group))
        {
            switch (group.Kind)
            {
                case Kind.SinCos when group.Operands.Count == 1: EmitScalarSinCos(il, group, load); break;
                case Kind.SinCos: EmitVectorSinCos(il, group, load); break;
                default: EmitSqrt(il, group, load); break;
            }
        }
        if (!_results.Remove(id, out var result)) return false;
        il.Emit(OpCodes.Ldloc, result);
        return true;
    }

    // A group of one value: Math.SinCos, each member's half into its local.
    private void EmitScalarSinCos(ILGenerator il, Group group, Action<Term> load)
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

    // One vector SinCos over the operands, each member's lane into its local.
    private void EmitVectorSinCos(ILGenerator il, Group group, Action<Term> load)
    {
        PushLanes(il, Widest, group, load);
        il.Emit(OpCodes.Call, Widest.SinCos);
        var pair = il.DeclareLocal(Widest.SinCos.ReturnType);
        il.Emit(OpCodes.Stloc, pair);
        foreach (var (member, op, lane) in group.Members)
        {
            il.Emit(OpCodes.Ldloc, pair);
            il.Emit(OpCodes.Ldfld, Half(Widest.SinCos, op));
            il.Emit(OpCodes.Ldc_I4, lane);
            il.Emit(OpCodes.Call, Widest.GetElement);
            StoreResult(il, member);
        }
    }

    // Square roots (of 0 in unused lanes) in the narrowest vector that holds them.
    private void EmitSqrt(ILGenerator il, Group group, Action<Term> load)
    {
        var vector = group.Operands.Count <= VectorMethods.Four.Lanes ? VectorMethods.Four : Widest;
        PushLanes(il, vector, group, load);
        il.Emit(OpCodes.Call, vector.NativeOf(IrOp.Sqrt)!);
        var results = il.DeclareLocal(vector.Vector);
        il.Emit(OpCodes.Stloc, results);
        foreach (var (member, _, lane) in group.Members)
        {
            il.Emit(OpCodes.Ldloc, results);
            il.Emit(OpCodes.Ldc_I4, lane);
            il.Emit(OpCodes.Call, vector.GetElement);
            StoreResult(il, member);
        }
    }

    // The operands in the lanes of one vector, 0 in unused lanes.
    private static void PushLanes(ILGenerator il, VectorMethods vector, Group group, Action<Term> load)
    {
        for (int lane = 0; lane < vector.Lanes; lane++)
        {
            if (lane < group.Operands.Count) load(group.Operands[lane]);
            else il.Emit(OpCodes.Ldc_R8, 0.0);
        }
        il.Emit(OpCodes.Call, vector.FromLanes);
    }

    // The sine (Item1) or cosine (Item2) of a SinCos method's tuple.
    private static FieldInfo Half(MethodInfo sinCos, IrOp op) => sinCos.ReturnType.GetField(op == IrOp.Sin ? "Item1" : "Item2")!;

    private void StoreResult(ILGenerator il, int member)
    {
        var local = il.DeclareLocal(typeof(double));
        il.Emit(OpCodes.Stloc, local);
        _results[member] = local;
    }

    /// <summary>
    /// Instructions of one kind computed together at instruction <see cref="First"/>: their distinct operands (one lane
    /// each) and the members.
    /// </summary>
    private sealed class Group(Kind kind, int first)
    {
        public Kind Kind { get; } = kind;
        public int First { get; } = first;
        public List<Term> Operands { get; } = [];
        public List<(int Id, IrOp Op, int Lane)> Members { get; } = [];
    }
}
