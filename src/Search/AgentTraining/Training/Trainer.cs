using System.Diagnostics;
using Elim.Search.Agent.Network;
using static TorchSharp.torch;

namespace Elim.Search.Agent.Training;

/// <summary>
/// The training loop: self-play the <see cref="Curriculum"/>'s next program, add its positions to the replay buffer, take gradient
/// steps on random batches from it; every <see cref="TrainingOptions.ValidationInterval"/> score the greedy
/// policy on the validation graphs, log a row, save the model if it is the best so far and write the
/// checkpoint. Single-threaded and seeded: the same seed and options replay the same run (up to timing).
/// </summary>
public sealed class Trainer(TrainingOptions options, TextWriter progress)
{
    /// <summary>Runs for <see cref="TrainingOptions.Time"/>; returns the best validation score reached.</summary>
    public double Run(CancellationToken token = default)
    {
        set_num_threads(options.Threads);
        var (state, net, learner) = Start();
        var random = new AgentRandom(state.RandomState);
        var buffer = new ReplayBuffer(options.BufferCapacity) { TotalAdded = state.BufferAdded };
        var validation = new Validation(options, seed: int.MaxValue - options.Seed);
        var curriculum = new Curriculum(options);
        var log = new TrainingLog(options.LogPath, options.CurvePath);
        log.Start(options.Resume);
        var selfPlay = new SelfPlay(net, options.SelfPlay);

        var clock = Stopwatch.StartNew();
        // The run ends within its time: the loop stops early enough for the last validation (which takes as long as the
        // one before), and a game still in play when that moment comes ends at once (a game can take a minute).
        var validationTime = TimeSpan.Zero;
        TimeSpan Left() => options.Time - validationTime - clock.Elapsed;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var nextValidation = options.ValidationInterval;
        long steps = state.Steps, games = state.Games;
        double bestRatio = state.BestRatio, owed = 0, policySum = 0, valueSum = 0;
        int lossCount = 0;
        if (!options.Resume) Validate();   // the starting weights' row: the bar a fine-tuning run has to clear
        while (Left() > TimeSpan.Zero && !token.IsCancellationRequested)
        {
            var graph = curriculum.Next(random);
            stop.CancelAfter(Left());
            var (samples, _) = selfPlay.Play(graph, random, stop.Token);  // the steps below see the same deadline
            buffer.AddRange(samples);
            games++;
            // Learning steps owed are paid while time is left (a batch holding a big graph's positions can take seconds).
            for (owed += samples.Count * options.StepsPerPosition; owed >= 1 && buffer.Count >= options.BatchSize && !stop.IsCancellationRequested; owed--)
            {
                var loss = learner.Step(buffer.Sample(options.BatchSize, random));
                steps++;
                policySum += loss.Policy;
                valueSum += loss.Value;
                lossCount++;
            }
            bool last = Left() <= TimeSpan.Zero || token.IsCancellationRequested;
            if (clock.Elapsed < nextValidation && !last) continue;
            nextValidation = clock.Elapsed + options.ValidationInterval;
            Validate();
        }
        return bestRatio;

        // Scores the greedy policy, logs a row, saves the model if it is the best so far and writes the checkpoint.
        void Validate()
        {
            var started = clock.Elapsed;
            var score = validation.Score(net);
            validationTime = clock.Elapsed - started;
            var trained = state.Trained + clock.Elapsed;
            log.Append(new TrainingLogRow(steps, games, trained.TotalMinutes, policySum / Math.Max(1, lossCount), valueSum / Math.Max(1, lossCount),
                score.MeanRatio, score.Wins, score.Losses, score.ProgramRatio));
            if (score.MeanRatio < bestRatio)
            {
                bestRatio = score.MeanRatio;
                ModelFile.Save(options.ModelPath, net);
            }
            Checkpoint.Save(options.CheckpointPath,
                new CheckpointState(options.Seed, steps, games, trained, random.State, buffer.Capacity, buffer.TotalAdded, bestRatio), net, learner);
            progress.WriteLine(
                $"[{trained:hh\\:mm\\:ss}] step {steps} games {games} buffer {buffer.Count} | loss policy {policySum / Math.Max(1, lossCount):F3} " +
                $"value {valueSum / Math.Max(1, lossCount):F3} | validation greedy/best standard {score.MeanRatio:F4} " +
                $"(better {score.Wins}, worse {score.Losses} of {validation.Count}; {score.HeldOutText}; best {bestRatio:F4})");
            policySum = valueSum = 0;
            lossCount = 0;
        }
    }

    private (CheckpointState State, PolicyValueNet Net, Learner Learner) Start()
    {
        if (options.Resume)
        {
            if (!File.Exists(options.CheckpointPath)) throw new FileNotFoundException($"No checkpoint to resume at {options.CheckpointPath}.");
            var loaded = Checkpoint.Load(options.CheckpointPath, options.LearningRate);
            progress.WriteLine($"Resuming from {options.CheckpointPath}: step {loaded.State.Steps}, games {loaded.State.Games}, trained {loaded.State.Trained:hh\\:mm\\:ss}.");
            return loaded;
        }
        random.manual_seed(options.Seed);
        var net = options.InitialModelPath is { } initial ? ModelFile.Load(initial) : new PolicyValueNet(options.Shape);
        net.eval();
        if (options.InitialModelPath is not null) progress.WriteLine($"Starting from the weights of {options.InitialModelPath}.");
        var state = new CheckpointState(options.Seed, 0, 0, TimeSpan.Zero, AgentRandom.FromSeed(options.Seed).State, options.BufferCapacity, 0, double.PositiveInfinity);
        return (state, net, new Learner(net, options.LearningRate));
    }
}
