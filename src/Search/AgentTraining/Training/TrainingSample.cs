using Elim.Search.Agent.Features;

namespace Elim.Search.Agent.Training;

/// <summary>One position of a self-play game and what the network should have said there.</summary>
/// <param name="Observation">The state.</param>
/// <param name="PolicyTarget">Per node: the improved policy from the search (zero where illegal), summing to one.</param>
/// <param name="ValueTarget">log(1 + the cost the game really paid from this state on).</param>
public sealed record TrainingSample(GraphObservation Observation, float[] PolicyTarget, float ValueTarget);
