using System.Reflection;
using System.Reflection.Emit;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace Elim.Gpu.Tests;

/// <summary>
/// The premise of the GPU backend: ILGPU 1.5.3 compiles a kernel whose body is a static method of a type
/// emitted into a collectible assembly, reading and writing ArrayView elements through their <c>ref double</c> indexer.
/// </summary>
public class EmittedKernelSpikeTests
{
    [Fact]
    public void IlgpuRunsAStaticMethodOfACollectibleEmittedType()
    {
        var method = EmitSineKernel();
        using var context = Context.Create(b => b.CPU(new CPUDevice(2, 1, 1)));
        using var accelerator = context.CreateCPUAccelerator(0);
        var kernel = accelerator.LoadAutoGroupedStreamKernel(
            method.CreateDelegate<Action<Index1D, ArrayView<double>, ArrayView<double>>>());
        double[] x = Enumerable.Range(0, 1000).Select(i => i * 0.01).ToArray();
        using var input = accelerator.Allocate1D(x);
        using var output = accelerator.Allocate1D<double>(x.Length);

        kernel(x.Length, input.View, output.View);
        accelerator.Synchronize();

        double[] y = output.GetAsArray1D();
        Assert.True(method.DeclaringType!.Assembly.IsCollectible);
        for (int i = 0; i < x.Length; i++) Assert.Equal(2 * Math.Sin(x[i]), y[i]);
    }

    /// <summary><c>static void Run(Index1D i, ArrayView&lt;double&gt; x, ArrayView&lt;double&gt; y) { y[i] = 2·sin(x[i]); }</c></summary>
    private static MethodInfo EmitSineKernel()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Spike"), AssemblyBuilderAccess.RunAndCollect);
        var type = assembly.DefineDynamicModule("Spike").DefineType("Spike.Kernels",
            TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var method = type.DefineMethod("Run", MethodAttributes.Public | MethodAttributes.Static, typeof(void),
            [typeof(Index1D), typeof(ArrayView<double>), typeof(ArrayView<double>)]);
        var item = typeof(ArrayView<double>).GetProperty("Item", [typeof(Index1D)])!.GetMethod!;
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarga_S, (byte)2);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, item);
        il.Emit(OpCodes.Ldc_R8, 2.0);
        il.Emit(OpCodes.Ldarga_S, (byte)1);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, item);
        il.Emit(OpCodes.Ldind_R8);
        il.Emit(OpCodes.Call, typeof(Math).GetMethod(nameof(Math.Sin), [typeof(double)])!);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Stind_R8);
        il.Emit(OpCodes.Ret);
        return type.CreateType().GetMethod("Run")!;
    }
}
