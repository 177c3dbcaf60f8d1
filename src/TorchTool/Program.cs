using Elim.Cli;
using Elim.Cli.Bench;
using Elim.Cli.Commands;
using Elim.TorchTool;

// elim's commands, with training behind 'train' and TorchSharp's autograd among bench's contenders.
Elim.Search.Agent.Inference.AgentMethods.Register(Environment.GetEnvironmentVariable("ELIM_AGENT_MODEL"),
    Environment.GetEnvironmentVariable("ELIM_PRIORITY_MODEL"));
return CommandLine.Run(TorchCommands.All, args, Console.Out, Console.Error);

namespace Elim.TorchTool
{
    /// <summary>The commands of <c>elim-torch</c>: <see cref="CommandLine.Commands"/> with the TorchSharp parts filled in.</summary>
    public static class TorchCommands
    {
        /// <summary>Every command, in elim's order.</summary>
        public static IReadOnlyList<ICommand> All { get; } =
        [
            .. CommandLine.Commands.Select(command => command switch
            {
                TrainCommand => new TrainCommand(Training.Run),
                BenchCommand => new BenchCommand([.. BenchContenders.All, new TorchSharpAutograd()], new Dictionary<string, string>()),
                _ => command,
            }),
        ];
    }
}
