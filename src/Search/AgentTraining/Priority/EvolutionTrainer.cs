using System.Diagnostics;
using Elim.Graph;
using Elim.Search.Agent.Priority;
using Elim.Search.Game;

namespace Elim.Search.Agent.Training.Priority;

/// <summary>
/// Trains the <see cref="PriorityNetwork"/> by evolution strategies (antithetic Gaussian perturbations of the
/// weights, rank-shaped fitness, Adam on the estimated gradient). The fitness is what the network is for: the cost of
/// its greedy order on a batch of graphs from the <see cref="Curriculum"/>, as the mean log of cost / best of forward,
/// reverse and minimal Markowitz. No gradient through the game is needed, and whole games are scored, not single
/// moves. Every <see cref="TrainingOptions.ValidationInterval"/> the mean weights play the validation graphs; the best
/// (fewest graphs where the greedy order is dearer than the best standard order, then the lowest mean cost ratio:
/// the bar is to beat the standard orders everywhere, not on average) are saved as the model, and the checkpoint
/// lets a stopped run resume.
/// </summary>
public sealed class EvolutionTrainer(TrainingOptions options, TextWriter progress)
{
    /// <summary>Antithetic pairs per generation.</summary>
    public int Pairs { get; init; } = 12;

    /// <summary>Graphs each member plays per generation.</summary>
    public int GraphsPerGeneration { get; init; } = 16;

    /// <summary>Standard deviation of the weight perturbations.</summary>
    public double NoiseScale { get; init; } = 0.03;

    /// <summary>Adam's step size.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Runs for <see cref="TrainingOptions.Time"/> (or until <paramref name="token"/>); returns the best validation ratio.</summary>
    public double Run(CancellationToken token = default)
    {
        var state = Start();
        var random = new AgentRandom(state.RandomState);
        var weights = state.Weights;
        var adam = new Adam(state.FirstMoment, state.SecondMoment, state.Generation, LearningRate);
        var validation = new Validation(options, seed: int.MaxValue - options.Seed);
        var curriculum = new Curriculum(options);
        var log = new EvolutionLog(options.LogPath, options.CurvePath);
        log.Start(options.Resume);

        var clock = Stopwatch.StartNew();
        var nextValidation = options.ValidationInterval;
        long generation = state.Generation, games = state.Games;
        var best = (Losses: state.BestLosses, Ratio: state.BestRatio);
        double trainingRatios = 0;
        int generationsSinceRow = 0;
        if (!options.Resume) Validate();
        while (clock.Elapsed < options.Time && !token.IsCancellationRequested)
        {
            var graphs = Enumerable.Range(0, GraphsPerGeneration).Select(_ => curriculum.Next(random)).ToArray();
            var standard = Array.ConvertAll(graphs, g => (double)Math.Max(1, StandardOrders.Cheapest(g).Cost));
            var noise = new double[Pairs][];
            for (int pair = 0; pair < Pairs; pair++) noise[pair] = [.. weights.Select(_ => random.Gaussian())];
            var fitness = new double[2 * Pairs];
            Parallel.For(0, 2 * Pairs, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, member =>
            {
                double sign = member % 2 == 0 ? 1 : -1;
                var eps = noise[member / 2];
                var network = new PriorityNetwork(state.Hidden, [.. weights.Select((w, i) => w + sign * NoiseScale * eps[i])]);
                fitness[member] = graphs.Select((g, i) => Math.Log(Math.Max(1, Play(network, new EliminationGame(g))) / standard[i])).Average();
            });
            adam.Ascend(weights, Gradient(noise, fitness));
            generation++;
            games += 2L * Pairs * GraphsPerGeneration;
            trainingRatios += fitness.Select(Math.Exp).Average();
            generationsSinceRow++;
            bool last = clock.Elapsed >= options.Time || token.IsCancellationRequested;
            if (clock.Elapsed < nextValidation && !last) continue;
            nextValidation = clock.Elapsed + options.ValidationInterval;
            Validate();
        }
        return best.Ratio;

        // Scores the mean weights, logs a row, saves the model if it is the best so far and writes the checkpoint.
        void Validate()
        {
            var network = new PriorityNetwork(state.Hidden, weights);
            var score = validation.Score(game => Play(network, game));
            var trained = state.Trained + clock.Elapsed;
            double trainingRatio = generationsSinceRow > 0 ? trainingRatios / generationsSinceRow : double.NaN;
            log.Append(new EvolutionLogRow(generation, games, trained.TotalMinutes, trainingRatio, score));
            if (score.Losses < best.Losses || score.Losses == best.Losses && score.MeanRatio < best.Ratio)
            {
                best = (score.Losses, score.MeanRatio);
                network.Save(options.ModelPath);
            }
            (state with
            {
                Generation = generation, Games = games, Trained = trained, RandomState = random.State, BestLosses = best.Losses, BestRatio = best.Ratio,
                Weights = weights, FirstMoment = adam.FirstMoment, SecondMoment = adam.SecondMoment,
            }).Save(options.CheckpointPath);
            progress.WriteLine(
                $"[{trained:hh\\:mm\\:ss}] generation {generation} games {games:N0} | training cost / best standard " +
                $"{(double.IsNaN(trainingRatio) ? "(no generation yet)" : trainingRatio.ToString("F4"))} | validation {score.MeanRatio:F4} " +
                $"(better {score.Wins}, worse {score.Losses} of {validation.Count}; {score.HeldOutText}; best {best.Ratio:F4}, worse on {best.Losses})");
            trainingRatios = 0;
            generationsSinceRow = 0;
        }
    }

    private static long Play(PriorityNetwork network, EliminationGame game)
    {
        PriorityPolicy.Play(network, game);
        return game.Cost;
    }

    // The fitness gradient estimate: members ranked (lowest log cost ratio best) to utilities spread evenly over
    // [-0.5, 0.5], then Σ over pairs of (utility of +ε − utility of −ε)·ε. Ranks make one huge graph or a
    // degenerate order unable to dominate a step.
    private double[] Gradient(double[][] noise, double[] fitness)
    {
        var ranked = Enumerable.Range(0, fitness.Length).OrderByDescending(m => fitness[m]).ToArray();
        var utility = new double[fitness.Length];
        for (int rank = 0; rank < ranked.Length; rank++) utility[ranked[rank]] = rank / (double)(ranked.Length - 1) - 0.5;
        var gradient = new double[noise[0].Length];
        for (int pair = 0; pair < noise.Length; pair++)
        {
            double weight = (utility[2 * pair] - utility[2 * pair + 1]) / (2 * noise.Length * NoiseScale);
            for (int i = 0; i < gradient.Length; i++) gradient[i] += weight * noise[pair][i];
        }
        return gradient;
    }

    private EvolutionState Start()
    {
        if (options.Resume)
        {
            var loaded = EvolutionState.Load(options.CheckpointPath);
            progress.WriteLine($"Resuming from {options.CheckpointPath}: generation {loaded.Generation}, trained {loaded.Trained:hh\\:mm\\:ss}.");
            return loaded;
        }
        var random = AgentRandom.FromSeed(options.Seed);
        var initial = options.InitialModelPath is { } path ? PriorityNetwork.Load(path) : PriorityNetwork.Initial(PriorityNetwork.DefaultHidden, random.Gaussian);
        if (options.InitialModelPath is not null) progress.WriteLine($"Starting from the weights of {options.InitialModelPath}.");
        int count = initial.Parameters.Length;
        return new EvolutionState(options.Seed, 0, 0, TimeSpan.Zero, random.State, int.MaxValue, double.PositiveInfinity, initial.Hidden,
            [.. initial.Parameters], new double[count], new double[count]);
    }

    /// <summary>Adam ascending an estimated gradient, its moments kept for the checkpoint.</summary>
    private sealed class Adam(double[] firstMoment, double[] secondMoment, long steps, double learningRate)
    {
        private long _steps = steps;

        public double[] FirstMoment => firstMoment;
        public double[] SecondMoment => secondMoment;

        public void Ascend(double[] weights, double[] gradient)
        {
            const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
            _steps++;
            double correction1 = 1 - Math.Pow(beta1, _steps), correction2 = 1 - Math.Pow(beta2, _steps);
            for (int i = 0; i < weights.Length; i++)
            {
                firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * gradient[i];
                secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * gradient[i] * gradient[i];
                weights[i] += learningRate * (firstMoment[i] / correction1) / (Math.Sqrt(secondMoment[i] / correction2) + epsilon);
            }
        }
    }
}
