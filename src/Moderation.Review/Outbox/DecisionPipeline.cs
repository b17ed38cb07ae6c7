using Confluent.Kafka;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Moderation.Review.Outbox;

/// <summary>The Polly pipeline around one decision's produce, built once per publisher: retry (exponential backoff
/// with jitter) of transient errors, a circuit breaker that stops hammering a broker that is down, and a per-attempt
/// timeout longer than the producer's <c>message.timeout.ms</c> (librdkafka owns the message deadline).</summary>
internal static class DecisionPipeline
{
    /// <summary>The producer's <c>message.timeout.ms</c>: 10,000 ms.</summary>
    public const int MessageTimeoutMs = 10_000;

    public static ResiliencePipeline Create(TimeProvider timeProvider)
    {
        var transient = new PredicateBuilder()
            .Handle<KafkaException>(static e => !e.Error.IsFatal)
            .Handle<TimeoutRejectedException>();
        return new ResiliencePipelineBuilder { Name = "moderation-review-decisions", TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 1.0,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(TimeSpan.FromMilliseconds(MessageTimeoutMs + 5_000))
            .Build();
    }

    /// <summary>Whether a failure of the pipeline means "try again later" (the row stays unpublished) rather than a bug.</summary>
    public static bool IsRetryLater(Exception exception) =>
        exception is KafkaException { Error.IsFatal: false } or TimeoutRejectedException or BrokenCircuitException;
}
