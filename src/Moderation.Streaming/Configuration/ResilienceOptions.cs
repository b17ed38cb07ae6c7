using System.ComponentModel.DataAnnotations;

namespace Moderation.Streaming.Configuration;

/// <summary>Retry, timeout and circuit-breaker settings of the Polly pipelines (configuration section <c>Resilience</c>).</summary>
public sealed class ResilienceOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "Resilience";

    /// <summary>Retries of a failed scoring call before the batch is dead-lettered as <c>scoring-failed</c>. Default 3.</summary>
    [Range(0, 100)]
    public int ScoringMaxRetries { get; set; } = 3;

    /// <summary>Base delay in ms between scoring retries (exponential backoff with jitter). Default 100 ms.</summary>
    [Range(1, 60_000)]
    public int ScoringRetryDelayMs { get; set; } = 100;

    /// <summary>Failure ratio (0..1] of scoring calls within <see cref="BreakerSamplingDurationMs"/> that opens the breaker. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Scoring calls needed in the sampling window before the breaker may open (Polly minimum 2). Default 8.</summary>
    [Range(2, int.MaxValue)]
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>Sampling window of the breaker in ms (Polly minimum 500 ms). Default 30000 ms.</summary>
    [Range(500, 86_400_000)]
    public int BreakerSamplingDurationMs { get; set; } = 30_000;

    /// <summary>How long in ms the breaker stays open (posts paused) before a trial call (Polly minimum 500 ms). Default 5000 ms.</summary>
    [Range(500, 86_400_000)]
    public int BreakerBreakDurationMs { get; set; } = 5_000;

    /// <summary>Retries of a produce call that failed with a transient error or timed out. Default 5.</summary>
    [Range(0, 100)]
    public int ProduceMaxRetries { get; set; } = 5;

    /// <summary>Base delay in ms between produce retries (exponential backoff with jitter). Default 200 ms.</summary>
    [Range(1, 60_000)]
    public int ProduceRetryDelayMs { get; set; } = 200;

    /// <summary>
    /// Cap in ms of one delay between produce retries, so that output resumes within about this long after a broker
    /// outage ends however long it lasted. Default 2000 ms.
    /// </summary>
    [Range(1, 600_000)]
    public int ProduceRetryMaxDelayMs { get; set; } = 2_000;

    /// <summary>
    /// Deadline in ms of one produce attempt, until the delivery report: librdkafka's <c>message.timeout.ms</c> unless
    /// set explicitly in <see cref="KafkaOptions.ProducerSettings"/>. The retry pipeline's own timeout is 5 s longer, a
    /// backstop only, so that it never abandons a message librdkafka may still deliver. Default 30000 ms.
    /// </summary>
    [Range(100, 3_600_000)]
    public int ProduceTimeoutMs { get; set; } = 30_000;
}
