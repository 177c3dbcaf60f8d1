return Elim.Cli.CommandLine.Run(args, Console.Out, Console.Error);
