using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Worker;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Moderation.Streaming.Resilience;

/// <summary>The Polly pipelines of the worker, built once per worker with explicit <c>ShouldHandle</c> predicates; every
/// retry, timeout and breaker transition is logged and counted in <see cref="StreamingMetrics"/>.</summary>
internal static class StreamingPipelines
{
    /// <summary>
    /// Scoring: retry (exponential backoff with jitter) around a circuit breaker. The retry handles every scorer failure
    /// except cancellation and <see cref="BrokenCircuitException"/>, so an open breaker surfaces at once to the caller,
    /// which pauses consumption instead of dead-lettering.
    /// </summary>
    public static ResiliencePipeline Scoring(ResilienceOptions options, TimeProvider timeProvider, ILogger logger, StreamingMetrics metrics)
    {
        var builder = new ResiliencePipelineBuilder { Name = "moderation-scoring", TimeProvider = timeProvider };
        if (options.ScoringMaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<Exception>(e => e is not OperationCanceledException and not BrokenCircuitException),
                MaxRetryAttempts = options.ScoringMaxRetries,
                Delay = TimeSpan.FromMilliseconds(options.ScoringRetryDelayMs),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    WorkerLog.ScoringRetry(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception);
                    metrics.RecordScoringRetry(args.Outcome.Exception?.GetType().FullName ?? "result");
                    return default;
                },
            });
        }

        return builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromMilliseconds(options.BreakerSamplingDurationMs),
            BreakDuration = TimeSpan.FromMilliseconds(options.BreakerBreakDurationMs),
            OnOpened = args =>
            {
                WorkerLog.BreakerOpened(logger, args.BreakDuration.TotalMilliseconds, args.Outcome.Exception);
                metrics.RecordBreakerTransition("open");
                return default;
            },
            OnHalfOpened = _ =>
            {
                WorkerLog.BreakerHalfOpened(logger);
                metrics.RecordBreakerTransition("half_open");
                return default;
            },
            OnClosed = _ =>
            {
                WorkerLog.BreakerClosed(logger);
                metrics.RecordBreakerTransition("closed");
                return default;
            },
        }).Build();
    }

    /// <summary>
    /// Produce: retry (exponential backoff with jitter, each delay capped) of transient, non-fatal produce errors and
    /// timeouts, around a per-attempt timeout. librdkafka owns each message's deadline (<c>message.timeout.ms</c>: its
    /// delivery report is final, delivered or <c>Local_MsgTimedOut</c>), so <paramref name="attemptTimeout"/> must be
    /// longer (<see cref="AttemptTimeout"/>): a pipeline timeout that fires first abandons a message librdkafka may still
    /// deliver, and the retry then writes the record twice. Callers pass the destination topic as the
    /// <see cref="ResilienceContext.OperationKey"/> (it tags the metrics).
    /// </summary>
    public static ResiliencePipeline Produce(ResilienceOptions options, TimeSpan attemptTimeout, TimeProvider timeProvider, ILogger logger, StreamingMetrics metrics)
    {
        var builder = new ResiliencePipelineBuilder { Name = "moderation-produce", TimeProvider = timeProvider };
        if (options.ProduceMaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ProduceException<byte[], byte[]>>(e => IsTransient(e.Error))
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.ProduceMaxRetries,
                Delay = TimeSpan.FromMilliseconds(options.ProduceRetryDelayMs),
                MaxDelay = TimeSpan.FromMilliseconds(Math.Max(options.ProduceRetryDelayMs, options.ProduceRetryMaxDelayMs)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    WorkerLog.ProduceRetry(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception);
                    metrics.RecordProduceRetry(args.Context.OperationKey ?? "", ErrorType(args.Outcome.Exception));
                    return default;
                },
            });
        }

        return builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = attemptTimeout,
            OnTimeout = args =>
            {
                metrics.RecordProduceTimeout(args.Context.OperationKey ?? "");
                return default;
            },
        }).Build();
    }

    /// <summary>Time librdkafka gets past <c>message.timeout.ms</c> to deliver its final delivery report: 5 s.</summary>
    internal static readonly TimeSpan DeliveryReportGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The produce pipeline's per-attempt timeout for a producer with this configuration: its <c>message.timeout.ms</c>
    /// (librdkafka's default 300,000 ms when unset) plus <see cref="DeliveryReportGrace"/>, a backstop for a delivery
    /// report that never comes.
    /// </summary>
    internal static TimeSpan AttemptTimeout(ProducerConfig config) =>
        TimeSpan.FromMilliseconds(config.MessageTimeoutMs ?? 300_000) + DeliveryReportGrace;

    /// <summary>Errors after which producing the same record again can succeed (never fatal ones: those stop the worker).</summary>
    internal static bool IsTransient(Error error) => !error.IsFatal && error.Code is
        ErrorCode.Local_MsgTimedOut or ErrorCode.Local_QueueFull or ErrorCode.Local_TimedOut or
        ErrorCode.Local_Transport or ErrorCode.Local_AllBrokersDown or ErrorCode.RequestTimedOut or
        ErrorCode.NotEnoughReplicas or ErrorCode.NotEnoughReplicasAfterAppend or ErrorCode.LeaderNotAvailable or
        ErrorCode.NotLeaderForPartition or ErrorCode.NetworkException or ErrorCode.Local_Retry;

    private static string ErrorType(Exception? exception) => exception switch
    {
        TimeoutRejectedException => "timeout",
        KafkaException kafka => kafka.Error.Code.ToString(),
        null => "result",
        _ => exception.GetType().FullName ?? "unknown",
    };
}
