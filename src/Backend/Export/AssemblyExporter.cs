using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Lowering;
using Elim.Backend.Program;
using Elim.Graph;

namespace Elim.Backend.Export;

/// <summary>
/// Writes a compiled Jacobian as a stand-alone .NET assembly (PersistedAssemblyBuilder). Its public static
/// class <c>Elim.Exported.NAME</c> has
/// <c>Jacobian(double[] x, double[] outputs, double[] jacobian)</c> (row-major m×n),
/// <c>Evaluate(double[] x, double[] outputs)</c>, and <c>InputNames()</c>/<c>OutputNames()</c>. The code
/// calls only <see cref="Math"/>, except erf and log1p, which call Elim.Graph's SpecialFunctions.
/// </summary>
public static class AssemblyExporter
{
    /// <summary>Exports the Jacobian of <paramref name="graph"/> by <paramref name="order"/> to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOrderException">The order does not fit the graph.</exception>
    public static ExportedAssembly Export(ComputationalGraph graph, EliminationOrder order, string path)
    {
        var jacobian = ProgramLowering.Jacobian(graph, order);
        var primal = ProgramLowering.Primal(graph);
        string simpleName = System.IO.Path.GetFileNameWithoutExtension(path);
        string typeName = "Elim.Exported." + JacobianCompiler.TypeName(graph, "");
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(simpleName), typeof(object).Assembly);
        var type = assembly.DefineDynamicModule(simpleName)
            .DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        DefineMethod(type, "Jacobian", jacobian, ["x", "outputs", "jacobian"]);
        DefineMethod(type, "Evaluate", primal, ["x", "outputs"]);
        DefineNames(type, "InputNames", graph.InputNames);
        DefineNames(type, "OutputNames", graph.Outputs.Select(o => o.Name).ToArray());
        type.CreateType();
        assembly.Save(path);
        var references = jacobian.Instructions.Concat(primal.Instructions)
            .Select(i => ScalarMethods.Of(i.Op)?.DeclaringType?.Assembly)
            .Where(a => a is not null && a != typeof(Math).Assembly)
            .Select(a => a!.GetName().Name!).Distinct().ToArray();
        return new ExportedAssembly(path, typeName, graph.InputCount, graph.OutputCount, jacobian.EmittedCost,
            jacobian.MarkowitzCost, references);
    }

    private static void DefineMethod(TypeBuilder type, string name, JacobianProgram program, string[] parameters)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(void),
            parameters.Select(_ => typeof(double[])).ToArray());
        method.SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
        for (int i = 0; i < parameters.Length; i++) method.DefineParameter(i + 1, ParameterAttributes.None, parameters[i]);
        var il = method.GetILGenerator();
        ArrayAccess.EmitLengthCheck(il, 0, parameters[0], program.InputCount, "one per input");
        ArrayAccess.EmitLengthCheck(il, 1, parameters[1], program.OutputCount, "one per output");
        if (program.HasJacobian)
            ArrayAccess.EmitLengthCheck(il, 2, parameters[2], program.JacobianSize, $"{program.OutputCount}×{program.InputCount}, row-major");
        var registers = BodyEmitter.DeclareRegisters(il, program, ScalarLaneEmitter.Instance);
        BodyEmitter.Emit(il, program, ScalarLaneEmitter.Instance, new ArrayAccess(), registers);
        il.Emit(OpCodes.Ret);
    }

    private static void DefineNames(TypeBuilder type, string name, IReadOnlyList<string> names)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(string[]), Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4, names.Count);
        il.Emit(OpCodes.Newarr, typeof(string));
        for (int i = 0; i < names.Count; i++)
        {
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldstr, names[i]);
            il.Emit(OpCodes.Stelem_Ref);
        }
        il.Emit(OpCodes.Ret);
    }
}
