using Moderation.Core.Scoring;

namespace Moderation.Streaming.Worker;

/// <summary>Result of <see cref="ScoringStage.Score"/>: exactly one of the first three properties is set.</summary>
/// <param name="Scores">float32 <c>[count, Model.ScoreNames.Count]</c> on success.</param>
/// <param name="RetryAfter">The circuit breaker is open: try again after this delay (never dead-letter).</param>
/// <param name="Failure">Scoring failed after all retries with the breaker closed: dead-letter the batch.</param>
/// <param name="Model">The model that scored the batch (set with <paramref name="Scores"/>): its version and thresholds
/// go into the batch's verdicts.</param>
internal readonly record struct ScoringOutcome(float[]? Scores, TimeSpan? RetryAfter, Exception? Failure, ScoringModel? Model = null);
