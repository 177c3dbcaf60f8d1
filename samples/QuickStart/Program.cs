// Run from the repository root: dotnet run --project samples/QuickStart
Elim.Samples.QuickStart.Run(Console.Out, "examples");
