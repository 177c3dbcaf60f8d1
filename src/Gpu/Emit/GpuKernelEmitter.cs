using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Gpu.Emit;

/// <summary>
/// Emits a <see cref="JacobianProgram"/> as an ILGPU kernel: a public static method of a type in a collectible
/// assembly whose body is the program's straight-line code for one point (one thread per point), through the
/// CPU backend's <see cref="BodyEmitter"/> with <see cref="KernelLaneEmitter"/> and <see cref="ViewAccess"/>.
/// </summary>
internal static class GpuKernelEmitter
{
    /// <summary>The kernel method <c>Run(Index1D, ArrayView x, ArrayView data, ArrayView y, ArrayView jacobian, long stride)</c>.</summary>
    public static MethodInfo Emit(JacobianProgram program, string name)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Elim.Gpu.Emitted." + name), AssemblyBuilderAccess.RunAndCollect);
        var type = assembly.DefineDynamicModule("Elim.Gpu.Emitted").DefineType(
            "Elim.Gpu.Emitted." + name, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var method = type.DefineMethod("Run", MethodAttributes.Public | MethodAttributes.Static, typeof(void), ViewAccess.Parameters);
        string[] names = ["point", "x", "data", "y", "jacobian", "stride"];
        for (int i = 0; i < names.Length; i++) method.DefineParameter(i + 1, ParameterAttributes.None, names[i]);
        var il = method.GetILGenerator();
        var access = new ViewAccess(il);
        // One method, whatever the size: ILGPU compiles it itself, without the .NET JIT's size limits.
        BodyEmitter.Emit(il, program, KernelLaneEmitter.Instance, access);
        il.Emit(OpCodes.Ret);
        return type.CreateType().GetMethod("Run")!;
    }
}
