namespace Moderation.Streaming.Worker;

/// <summary>Result of <see cref="ScoringStage.Score"/>: exactly one of the three properties is set.</summary>
/// <param name="Scores">float32 <c>[count, ScoreNames.Count]</c> on success.</param>
/// <param name="RetryAfter">The circuit breaker is open: try again after this delay (never dead-letter).</param>
/// <param name="Failure">Scoring failed after all retries with the breaker closed: dead-letter the batch.</param>
internal readonly record struct ScoringOutcome(float[]? Scores, TimeSpan? RetryAfter, Exception? Failure);
