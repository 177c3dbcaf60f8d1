// The learning agent's search methods (plain C# inference, no TorchSharp) live in their own project; add them to the registry.
Elim.Search.Agent.Inference.AgentMethods.Register(Environment.GetEnvironmentVariable("ELIM_AGENT_MODEL"),
    Environment.GetEnvironmentVariable("ELIM_PRIORITY_MODEL"));
return Elim.Cli.CommandLine.Run(args, Console.Out, Console.Error);
