using Elim.Agent.Perf;

// elim-agent-perf greedy MODEL            : greedy cost and time per task against the standard orders
// elim-agent-perf compare MODEL SECONDS   : also alphazero and anneal at the same budget; writes perf/results/agent-results.{md,csv}
return args switch
{
    ["profile", var model, var example] => Profile.Run(model, example),
    ["variants", var model, var example, var seconds] => Variants.Run(model, example, seconds),
    ["greedy", var model] => AgentReport.Run(model, searchSeconds: 0, write: false),
    ["compare", var model, var seconds] => AgentReport.Run(model, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), write: true),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Elim.Agent.Perf greedy MODEL | compare MODEL SECONDS");
    return 64;
}
