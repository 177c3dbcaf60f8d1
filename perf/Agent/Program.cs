using Elim.Agent.Perf;

// Elim.Agent.Perf greedy MODEL                     : greedy cost and time per task against the standard orders
// Elim.Agent.Perf compare MODEL SECONDS            : also alphazero and anneal at that budget; writes perf/results/agent-results.csv, agent-table.md
// Elim.Agent.Perf variants MODEL FILE SECONDS      : alphazero with rollouts / with the value head, mcts, anneal on one file
// Elim.Agent.Perf profile MODEL FILE               : microseconds per features, batch, torch forward and plain forward
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
    Console.Error.WriteLine("usage: Elim.Agent.Perf greedy MODEL | compare MODEL SECONDS | variants MODEL FILE SECONDS | profile MODEL FILE");
    return 64;
}
