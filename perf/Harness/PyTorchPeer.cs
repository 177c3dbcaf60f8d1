using System.Diagnostics;
using System.Text.Json.Nodes;
using Elim.Graph;

namespace Elim.Perf;

/// <summary>
/// PyTorch 1.13 with functorch (<c>vmap(jacrev(f))</c>, <c>vmap(jacfwd(f))</c>) from Debian's python3-torch,
/// run as a child process on the same points; it times itself and reports seconds per point.
/// </summary>
public static class PyTorchPeer
{
    /// <summary>The interpreter that has python3-torch (Debian installs it for the system Python).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Whether the peer can run here.</summary>
    public static bool IsAvailable()
    {
        if (!File.Exists(Python)) return false;
        var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch, functorch"]) { RedirectStandardError = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }

    /// <summary>The most points per timed call (larger batches are timed on a prefix, as for the other slow peers).</summary>
    public const int MaxPoints = 100_000;

    /// <summary>Times both transforms for every batch size and thread count; also returns point 0's Jacobian.</summary>
    public static (List<Measurement> Measurements, double[] FirstJacobian) Run(
        string example, Batch batch, IReadOnlyList<int> batchSizes, IReadOnlyList<int> threads)
    {
        string directory = Directory.CreateTempSubdirectory("elim-pytorch-").FullName;
        try
        {
            string module = Path.Combine(directory, "function.py");
            File.WriteAllText(module, PythonTorchWriter.Write(batch.Graph));
            string points = Path.Combine(directory, "points.bin");
            File.WriteAllBytes(points, System.Runtime.InteropServices.MemoryMarshal.AsBytes(batch.Inputs.AsSpan()).ToArray());
            string script = Path.Combine(AppContext.BaseDirectory, "pytorch_peer.py");
            var start = new ProcessStartInfo(Python,
                [script, module, batch.Graph.InputCount.ToString(), string.Join(",", batchSizes.Select(b => Math.Min(b, MaxPoints)).Distinct()),
                 string.Join(",", threads), points])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var measurements = new List<Measurement>();
            double[] first = [];
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                var json = JsonNode.Parse(line)!;
                if (json["firstJacobian"] is JsonArray array) { first = array.Select(v => (double)v!).ToArray(); continue; }
                int timed = (int)json["batch"]!;
                foreach (int size in batchSizes.Where(b => Math.Min(b, MaxPoints) == timed))
                {
                    measurements.Add(new Measurement(example, (string)json["contender"]!, size, (int)json["threads"]!,
                        (double)json["secondsPerPoint"]!, timed));
                    Console.Error.WriteLine($"  {example} {measurements[^1]}");
                }
            }
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) Console.Error.WriteLine($"  pytorch peer failed on {example}: {errors.Trim()}");
            return (measurements, first);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
