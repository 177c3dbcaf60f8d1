namespace Elim.Perf.Gpu;

/// <summary>Command line of the GPU benchmark: <c>[--device ilgpu-cpu|cuda] [--batches 10000,100000] [--examples a,b] [--processors P] [--out DIR]</c>.</summary>
internal sealed record GpuBenchOptions(string Device, int[] Batches, string[] Examples, int Processors, string OutputDirectory)
{
    public static GpuBenchOptions Parse(string[] args, string[] allExamples)
    {
        var options = new GpuBenchOptions("ilgpu-cpu", [10_000, 100_000, 1_000_000], allExamples, Environment.ProcessorCount, "perf/results");
        for (int a = 0; a < args.Length; a++)
        {
            string value = a + 1 < args.Length ? args[a + 1] : throw new ArgumentException($"{args[a]} needs a value.");
            options = args[a++] switch
            {
                "--device" => options with { Device = value },
                "--batches" => options with { Batches = value.Split(',').Select(int.Parse).ToArray() },
                "--examples" => options with { Examples = value.Split(',') },
                "--processors" => options with { Processors = int.Parse(value) },
                "--out" => options with { OutputDirectory = value },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }
        return options;
    }
}
