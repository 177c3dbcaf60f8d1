namespace Elim.Backend.Export;

/// <summary>What <see cref="AssemblyExporter.Export"/> wrote.</summary>
/// <param name="Path">The .dll file.</param>
/// <param name="TypeName">The full name of the public static class holding the methods.</param>
/// <param name="InputCount">n, the length of x.</param>
/// <param name="DataCount">d, the length of data (0: the methods take no data array).</param>
/// <param name="OutputCount">m, the length of outputs; the Jacobian has m·n entries.</param>
/// <param name="EmittedCost">Multiplications of the emitted elimination code.</param>
/// <param name="MarkowitzCost">The order's Markowitz cost.</param>
/// <param name="References">Assemblies the file references besides the .NET runtime (Elim.Graph for erf and log1p).</param>
public sealed record ExportedAssembly(string Path, string TypeName, int InputCount, int DataCount, int OutputCount, int EmittedCost,
    long MarkowitzCost, IReadOnlyList<string> References);
