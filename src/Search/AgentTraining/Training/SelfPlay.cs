using Elim.Graph;
using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Search.Agent.Training;

/// <summary>
/// Self-play with a Gumbel-style one-step search (after Danihelka et al., "Policy improvement by planning
/// with Gumbel"). At each state the legal vertices are perturbed by Gumbel noise, the
/// <see cref="SelfPlayOptions.Candidates"/> best by noise + logit are each tried: the exact step cost
/// plus the network's value of the state after it give a Q value, normalized to [0, 1] among them. The move
/// played maximizes noise + logit + σ(Q); the policy target is softmax(logit + σ(completed Q)), where
/// vertices not tried take the state's own value. Value targets are the realised remaining costs.
/// The children are evaluated in one batch, and the chosen child's evaluation serves the next step.
/// </summary>
public sealed class SelfPlay(PolicyValueNet net, SelfPlayOptions options)
{
    /// <summary>
    /// Plays one game on <paramref name="graph"/>; returns its positions and the game's total cost. Where the whole game
    /// would exceed <see cref="SelfPlayOptions.MoveBudget"/> (moves × eliminable vertices), only a window of
    /// budget / vertices moves, at a random depth, is searched and recorded; minimal Markowitz plays the moves before and
    /// after it, so the value targets in the window are the costs that Markowitz completion realised. A game still
    /// searching when <paramref name="stop"/> is cancelled (the training's time is up, or it was interrupted) ends the
    /// same way: minimal Markowitz plays the rest.
    /// </summary>
    public (List<TrainingSample> Samples, long Cost) Play(ComputationalGraph graph, AgentRandom random, CancellationToken stop = default)
    {
        var game = new EliminationGame(graph);
        int n = game.EliminableCount, searched = n;
        if ((long)n * n > options.MoveBudget)
        {
            searched = Math.Max(1, options.MoveBudget / n);
            int start = random.Next(n - searched + 1);
            while (game.Depth < start) game.Eliminate(MinimalMarkowitz(game));
        }
        var observation = GraphFeatures.Observe(game);
        var evaluation = NetworkEvaluator.Evaluate(net, observation);
        var positions = new List<(GraphObservation Observation, float[] Target, long CostBefore)>();
        for (int move = 0; move < searched && !game.IsComplete && !stop.IsCancellationRequested; move++)
        {
            var step = Search(game, observation, evaluation, random);
            if (game.RemainingCount > 1) positions.Add((observation, step.Target, game.Cost));
            game.Eliminate(step.Vertex);
            if (game.IsComplete) break;
            (observation, evaluation) = (step.NextObservation!, step.NextEvaluation!);
        }
        while (!game.IsComplete) game.Eliminate(MinimalMarkowitz(game));
        long total = game.Cost;
        var samples = positions.ConvertAll(p => new TrainingSample(p.Observation, p.Target, MathF.Log(1 + total - p.CostBefore)));
        return (samples, total);
    }

    // The remaining vertex of least Markowitz degree, ties to the lowest id. A scan of the remaining vertices: at 2,000
    // vertices a few million degree reads a game, little beside one searched move.
    private static int MinimalMarkowitz(EliminationGame game)
    {
        int best = 0;
        long bestDegree = long.MaxValue;
        foreach (int vertex in game.Remaining)
        {
            long degree = game.MarkowitzDegree(vertex);
            if (degree < bestDegree || degree == bestDegree && vertex < best) (best, bestDegree) = (vertex, degree);
        }
        return best;
    }

    private sealed record Step(int Vertex, float[] Target, GraphObservation? NextObservation, Evaluation? NextEvaluation);

    private Step Search(EliminationGame game, GraphObservation observation, Evaluation evaluation, AgentRandom random)
    {
        int n = observation.NodeCount;
        var logits = evaluation.Logits;
        var noisy = new double[n];
        var legalNodes = new List<int>();
        for (int node = 0; node < n; node++)
        {
            if (!observation.Legal[node]) continue;
            legalNodes.Add(node);
            noisy[node] = random.Gumbel() + logits[node];
        }
        var candidates = legalNodes.OrderByDescending(node => noisy[node]).ThenBy(node => node).Take(options.Candidates).ToArray();

        // Try each candidate: exact step cost now, the network's estimate for the rest.
        var stepCosts = new long[candidates.Length];
        var children = new GraphObservation?[candidates.Length];
        for (int c = 0; c < candidates.Length; c++)
        {
            stepCosts[c] = game.Eliminate(observation.VertexOfNode[candidates[c]]);
            if (!game.IsComplete) children[c] = GraphFeatures.Observe(game);
            game.Undo();
        }
        var open = children.Where(child => child is not null).Select(child => child!).ToList();
        var openEvaluations = open.Count > 0 ? NetworkEvaluator.Evaluate(net, open) : [];
        var childEvaluations = new Evaluation?[candidates.Length];
        var remaining = new double[candidates.Length];     // log(1 + predicted cost from this state on), per candidate
        for (int c = 0, o = 0; c < candidates.Length; c++)
        {
            double rest = 0;
            if (children[c] is not null) { childEvaluations[c] = openEvaluations[o++]; rest = childEvaluations[c]!.RemainingCost; }
            remaining[c] = Math.Log(1 + stepCosts[c] + rest);
        }

        // Q in [0, 1], higher is better; the state's own value completes the vertices not tried.
        double best = remaining.Min(), worst = Math.Max(remaining.Max(), evaluation.Value);
        double Normalize(double logCost) => worst > best ? Math.Clamp((worst - logCost) / (worst - best), 0, 1) : 0.5;
        double sigma = options.QScale;
        var completed = new double[n];
        foreach (int node in legalNodes) completed[node] = Normalize(evaluation.Value);
        for (int c = 0; c < candidates.Length; c++) completed[candidates[c]] = Normalize(remaining[c]);

        int chosen = 0;
        for (int c = 1; c < candidates.Length; c++)
        {
            if (noisy[candidates[c]] + sigma * completed[candidates[c]] > noisy[candidates[chosen]] + sigma * completed[candidates[chosen]])
                chosen = c;
        }
        return new Step(observation.VertexOfNode[candidates[chosen]], ImprovedPolicy(legalNodes, logits, completed, sigma, n),
            children[chosen], childEvaluations[chosen]);
    }

    private static float[] ImprovedPolicy(List<int> legalNodes, float[] logits, double[] completed, double sigma, int n)
    {
        var target = new float[n];
        double max = legalNodes.Max(node => logits[node] + sigma * completed[node]);
        double sum = 0;
        foreach (int node in legalNodes) sum += Math.Exp(logits[node] + sigma * completed[node] - max);
        foreach (int node in legalNodes) target[node] = (float)(Math.Exp(logits[node] + sigma * completed[node] - max) / sum);
        return target;
    }
}

/// <summary>Self-play settings.</summary>
/// <param name="Candidates">Vertices tried per move (Gumbel top-k).</param>
/// <param name="QScale">σ: how many logits the best tried vertex gains over the worst (Gumbel MuZero's (c_visit + 1)·c_scale).</param>
/// <param name="MoveBudget">
/// Searched moves × eliminable vertices allowed in one game (20,000: whole games up to 141 vertices, 10 moves at 2,000).
/// A searched move on a graph of n vertices costs a batched network evaluation of about (1 + candidates)·n nodes plus
/// their edges (0.2–0.5 s at 1,158 vertices of a wide generated graph on one core), so a whole game on such a graph took
/// minutes; a window of moves keeps a large graph's game within seconds while its positions still reach training. Each
/// position of a large graph also costs its size in every gradient step that samples it, hence the small budget.
/// </param>
public sealed record SelfPlayOptions(int Candidates = 8, double QScale = 5, int MoveBudget = 20_000)
{
    /// <summary>The settings the shipped model was trained with.</summary>
    public static SelfPlayOptions Default { get; } = new();
}
