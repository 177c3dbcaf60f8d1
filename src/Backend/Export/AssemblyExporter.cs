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
/// <c>Evaluate(double[] x, double[] outputs)</c>, and <c>InputNames()</c>/<c>OutputNames()</c>; a function with data
/// inputs takes them after x (<c>Jacobian(double[] x, double[] data, double[] outputs, double[] jacobian)</c>,
/// <c>Evaluate(double[] x, double[] data, double[] outputs)</c>) and has <c>DataNames()</c> too. The code
/// calls only <see cref="Math"/>, except erf and log1p, which call Elim.Graph's SpecialFunctions.
/// </summary>
public static class AssemblyExporter
{
    /// <summary>
    /// Exports the Jacobian of <paramref name="graph"/> by <paramref name="order"/> to <paramref name="path"/>;
    /// <paramref name="progress"/> hears how far the lowering has come.
    /// </summary>
    /// <exception cref="InvalidOrderException">The order does not fit the graph.</exception>
    public static ExportedAssembly Export(ComputationalGraph graph, EliminationOrder order, string path, IProgress<CompileProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(path);
        if (!HasAssemblyName(path))
            throw new ArgumentException($"'{path}' has no file name before its extension, which becomes the assembly's name; give one, as in roe.dll.", nameof(path));
        var jacobian = ProgramLowering.Jacobian(graph, order, progress);
        var primal = ProgramLowering.Primal(graph);
        string simpleName = System.IO.Path.GetFileNameWithoutExtension(path);
        string typeName = "Elim.Exported." + JacobianCompiler.TypeName(graph, "");
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(simpleName), typeof(object).Assembly);
        using (var baseType = ExportBaseType.Open())
        {
            var type = assembly.DefineDynamicModule(simpleName)
                .DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract, baseType.Object);
            DefineMethod(type, "Jacobian", jacobian);
            DefineMethod(type, "Evaluate", primal);
            DefineNames(type, "InputNames", graph.InputNames);
            if (graph.DataCount > 0) DefineNames(type, "DataNames", graph.DataNames);
            DefineNames(type, "OutputNames", graph.Outputs.Select(o => o.Name).ToArray());
            type.CreateType();
            assembly.Save(path);
        }
        var references = jacobian.Instructions.Concat(primal.Instructions)
            .Select(i => ScalarMethods.Of(i.Op)?.DeclaringType?.Assembly)
            .Where(a => a is not null && a != typeof(Math).Assembly)
            .Select(a => a!.GetName().Name!).Distinct().ToArray();
        return new ExportedAssembly(path, typeName, graph.InputCount, graph.DataCount, graph.OutputCount, jacobian.EmittedCost,
            jacobian.MarkowitzCost, references);
    }

    /// <summary>Whether <paramref name="path"/> names the assembly: a file name before its extension.</summary>
    public static bool HasAssemblyName(string path) => System.IO.Path.GetFileNameWithoutExtension(path).Trim().Length > 0;

    /// <summary>
    /// A method taking x, the data (if the program reads any), the outputs and, with a Jacobian, the Jacobian; a big
    /// program's method calls its chunks (private methods taking the same arrays and a scratch array) in turn.
    /// </summary>
    private static void DefineMethod(TypeBuilder type, string name, JacobianProgram program)
    {
        var access = new ArrayAccess(hasData: program.DataCount > 0);
        var arrays = new List<(string Name, int Length, string What)> { ("x", program.InputCount, "one per input") };
        if (program.DataCount > 0) arrays.Add(("data", program.DataCount, "one per data input"));
        arrays.Add(("outputs", program.OutputCount, "one per output"));
        if (program.HasJacobian) arrays.Add(("jacobian", program.JacobianSize, $"{program.OutputCount}×{program.InputCount}, row-major"));
        var parameters = arrays.Select(_ => typeof(double[])).ToArray();
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(void), parameters);
        method.SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
        var il = method.GetILGenerator();
        for (short i = 0; i < arrays.Count; i++)
        {
            method.DefineParameter(i + 1, ParameterAttributes.None, arrays[i].Name);
            ArrayAccess.EmitLengthCheck(il, i, arrays[i].Name, arrays[i].Length, arrays[i].What);
        }
        var chunks = ProgramChunks.Split(program, ScalarLaneEmitter.Instance.EstimatedSize);
        if (chunks.IsWhole) BodyEmitter.Emit(il, program, ScalarLaneEmitter.Instance, access);
        else
        {
            var scratch = il.DeclareLocal(typeof(double[]));
            il.Emit(OpCodes.Ldc_I4, chunks.ScratchSlots);
            il.Emit(OpCodes.Newarr, typeof(double));
            il.Emit(OpCodes.Stloc, scratch);
            for (int c = 0; c < chunks.Chunks.Count; c++)
            {
                for (short i = 0; i < arrays.Count; i++) il.Emit(OpCodes.Ldarg, i);
                il.Emit(OpCodes.Ldloc, scratch);
                il.Emit(OpCodes.Call, DefineChunk(type, $"{name}_{c}", [.. parameters, typeof(double[])], program, chunks, c, access));
            }
        }
        il.Emit(OpCodes.Ret);
    }

    /// <summary>A private method computing chunk <paramref name="chunk"/>; its last argument is the scratch array.</summary>
    private static MethodBuilder DefineChunk(TypeBuilder type, string name, Type[] parameters, JacobianProgram program, ProgramChunks chunks,
        int chunk, ArrayAccess access)
    {
        var method = type.DefineMethod(name, MethodAttributes.Private | MethodAttributes.Static, typeof(void), parameters);
        method.SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
        var il = method.GetILGenerator();
        BodyEmitter.EmitChunk(il, program, chunks, chunk, ScalarLaneEmitter.Instance, access, new ArrayScratch((short)(parameters.Length - 1)),
            constantStores: chunk == 0, groupLanes: true);
        il.Emit(OpCodes.Ret);
        return method;
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
