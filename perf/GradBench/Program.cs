using Elim.GradBench;

// GradBench's tool protocol on stdin/stdout (see README.md). Arguments: the folder that holds the .elim files
// (examples/ for ba, perf/GradBench for ht: `--elim-dir DIR`, repeatable) and `--multithreaded` (all cores;
// one thread otherwise, as GradBench's C++ tools).
var threads = 1;
var folders = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--multithreaded": threads = Environment.ProcessorCount; break;
        case "--elim-dir" when i + 1 < args.Length: folders.Add(args[++i]); break;
        default:
            Console.Error.WriteLine($"elim-gradbench: unknown argument '{args[i]}' (expected --elim-dir DIR, --multithreaded)");
            return 2;
    }
}

var session = new ProtocolSession(new ElimSources(folders), threads);
using var stdin = new StreamReader(Console.OpenStandardInput());
using var stdout = Console.OpenStandardOutput();
session.Run(stdin, stdout);
return 0;
