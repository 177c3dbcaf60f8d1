using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Cpu;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits <see cref="BatchKernel"/> methods for a program: a loop over points whose body is the program's
/// straight-line code, as static methods of a type (so ILGPU and persisted assemblies can use the same
/// emitter; a DynamicMethod would not do for ILGPU).
/// </summary>
public static class KernelEmitter
{
    /// <summary>Argument positions of a <see cref="BatchKernel"/>.</summary>
    internal const short Inputs = 0, Data = 1, Outputs = 2, Jacobian = 3, Start = 4, End = 5, Stride = 6;

    /// <summary>The parameter types of a <see cref="BatchKernel"/>.</summary>
    public static readonly Type[] Parameters =
        [typeof(double*), typeof(double*), typeof(double*), typeof(double*), typeof(int), typeof(int), typeof(int)];

    /// <summary>
    /// Defines a public static batch kernel called <paramref name="name"/> on <paramref name="type"/>; <paramref name="calls"/>
    /// (usually one per type, see <see cref="CallEmitter"/>) emits its method calls; <paramref name="lanes"/> picks scalar or
    /// vector code, whose loop steps by its number of lanes (the caller runs the remainder with a scalar kernel).
    /// </summary>
    public static MethodBuilder Define(TypeBuilder type, string name, JacobianProgram program, BatchLayout layout, ILaneEmitter lanes,
        CallEmitter calls)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(void), Parameters);
        // Straight to optimised code: tier-0 code of a long straight-line body is several times slower.
        method.SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
        string[] names = ["x", "data", "y", "jacobian", "start", "end", "stride"];
        for (int i = 0; i < names.Length; i++) method.DefineParameter(i + 1, ParameterAttributes.None, names[i]);
        var il = method.GetILGenerator();
        var access = new PointerAccess(il, program, layout, lanes, calls);
        var registers = BodyEmitter.DeclareRegisters(il, program, lanes);
        var point = il.DeclareLocal(typeof(int));
        var body = il.DefineLabel();
        var check = il.DefineLabel();

        access.EmitPrologue(il);
        if (access.StoresPersist) BodyEmitter.EmitConstantStores(il, program, lanes, access, calls);
        il.Emit(OpCodes.Ldarg_S, (byte)Start);
        il.Emit(OpCodes.Stloc, point);
        il.Emit(OpCodes.Br, check);
        il.MarkLabel(body);
        access.EmitBases(il, point);
        BodyEmitter.Emit(il, program, lanes, access, registers, calls, constantStores: !access.StoresPersist);
        access.EmitEpilogue(il);
        il.Emit(OpCodes.Ldloc, point);
        il.Emit(OpCodes.Ldc_I4, lanes.Lanes);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, point);
        il.MarkLabel(check);
        il.Emit(OpCodes.Ldloc, point);
        il.Emit(OpCodes.Ldarg_S, (byte)End);
        il.Emit(OpCodes.Blt, body);
        il.Emit(OpCodes.Ret);
        return method;
    }
}
