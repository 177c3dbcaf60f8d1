using Elim.Agent.Perf;

// Elim.Agent.Perf greedy MODEL                     : greedy cost and time per task against the standard orders
// Elim.Agent.Perf compare MODEL SECONDS OUT        : also alphazero and anneal at that budget; writes OUT/agent-results.csv, agent-table.md
// Elim.Agent.Perf priority-greedy MODEL            : the same two for the priority network (priority-anneal against anneal)
// Elim.Agent.Perf priority-compare MODEL SECONDS OUT
// Elim.Agent.Perf priority-curve CSV PNG          : redraws a priority training run's curve from its log
// Elim.Agent.Perf variants MODEL FILE SECONDS      : alphazero with rollouts / with the value head, mcts, anneal on one file
// Elim.Agent.Perf profile MODEL FILE               : microseconds per features, batch, torch forward and plain forward
return args switch
{
    ["profile", var model, var example] => Profile.Run(model, example),
    ["variants", var model, var example, var seconds] => Variants.Run(model, example, seconds),
    ["greedy", var model] => AgentReport.Run(AgentPlayer.AlphaZero(model), searchSeconds: 0, outDirectory: null),
    ["compare", var model, var seconds, var output] => AgentReport.Run(AgentPlayer.AlphaZero(model), Seconds(seconds), output),
    ["priority-greedy", var model] => AgentReport.Run(AgentPlayer.Priority(model), searchSeconds: 0, outDirectory: null),
    ["priority-compare", var model, var seconds, var output] => AgentReport.Run(AgentPlayer.Priority(model), Seconds(seconds), output),
    ["priority-curve", var csv, var png] => Redraw(csv, png),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Elim.Agent.Perf greedy MODEL | compare MODEL SECONDS OUT | priority-greedy MODEL | priority-compare MODEL SECONDS OUT " +
        "| priority-curve CSV PNG | variants MODEL FILE SECONDS | profile MODEL FILE");
    return 64;
}

static int Redraw(string csv, string png)
{
    new Elim.Search.Agent.Training.Priority.EvolutionLog(csv, png).Draw();
    return 0;
}

static double Seconds(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
