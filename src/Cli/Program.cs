// The learning agent's search methods live in their own project (TorchSharp); add them to the registry.
Elim.Search.Agent.Inference.AgentMethods.Register(Environment.GetEnvironmentVariable("ELIM_AGENT_MODEL"));
return Elim.Cli.CommandLine.Run(args, Console.Out, Console.Error);
