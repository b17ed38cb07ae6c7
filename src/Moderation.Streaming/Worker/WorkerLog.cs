using Microsoft.Extensions.Logging;

namespace Moderation.Streaming.Worker;

/// <summary>Structured log messages of the moderation worker (event ids 200–299).</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(200, LogLevel.Information, "Moderation worker consuming {Topic} as group {GroupId} (batches of up to {MaxBatchSize} posts or {MaxBatchDelayMs} ms)")]
    public static partial void Starting(ILogger logger, string topic, string groupId, int maxBatchSize, int maxBatchDelayMs);

    [LoggerMessage(201, LogLevel.Information, "Partitions assigned: {Partitions}")]
    public static partial void Assigned(ILogger logger, string partitions);

    [LoggerMessage(202, LogLevel.Information, "Partitions revoked: {Partitions}; finishing the batch being scored and the outputs awaiting acknowledgement ({Count} post(s) in the pipeline)")]
    public static partial void Revoked(ILogger logger, string partitions, int count);

    [LoggerMessage(203, LogLevel.Warning, "Partitions lost: {Partitions}; {Count} uncommitted post(s) dropped locally, the group redelivers them")]
    public static partial void Lost(ILogger logger, string partitions, int count);

    [LoggerMessage(204, LogLevel.Information, "Post {PostId} at {Topic} [{Partition}] @{Offset} dead-lettered: {Reason} ({Error})")]
    public static partial void PostRejected(ILogger logger, string postId, string topic, int partition, long offset, string reason, string error);

    [LoggerMessage(205, LogLevel.Debug, "Batch of {Count} post(s) from {Topic} [{Partition}] @{Offset}: {Scored} scored, {DeadLettered} dead-lettered, {Flagged} flagged; decode {DecodeMs:F1} ms, score {ScoreMs:F1} ms, produce {ProduceMs:F1} ms, closed to acknowledged {TotalMs:F1} ms")]
    public static partial void BatchDone(ILogger logger, int count, string topic, int partition, long offset, int scored, int deadLettered, int flagged,
        double decodeMs, double scoreMs, double produceMs, double totalMs);

    [LoggerMessage(206, LogLevel.Error, "Scoring failed after retries; dead-lettering {Count} post(s) from {Topic} [{Partition}] @{Offset} as scoring-failed")]
    public static partial void ScoringFailed(ILogger logger, Exception exception, int count, string topic, int partition, long offset);

    [LoggerMessage(207, LogLevel.Warning, "Scoring retry {Attempt} in {DelayMs} ms")]
    public static partial void ScoringRetry(ILogger logger, int attempt, double delayMs, Exception? exception);

    [LoggerMessage(208, LogLevel.Warning, "Scoring circuit breaker opened for {BreakMs} ms")]
    public static partial void BreakerOpened(ILogger logger, double breakMs, Exception? exception);

    [LoggerMessage(209, LogLevel.Information, "Scoring circuit breaker closed")]
    public static partial void BreakerClosed(ILogger logger);

    [LoggerMessage(210, LogLevel.Warning, "Scoring unavailable: paused {Partitions} holding {Count} post(s) from {Topic} [{Partition}] @{Offset}; next try in {RetryAfterMs} ms")]
    public static partial void Paused(ILogger logger, string partitions, int count, string topic, int partition, long offset, double retryAfterMs);

    [LoggerMessage(211, LogLevel.Information, "Scoring available again: resumed {Partitions}")]
    public static partial void Resumed(ILogger logger, string partitions);

    [LoggerMessage(212, LogLevel.Warning, "Produce retry {Attempt} in {DelayMs} ms")]
    public static partial void ProduceRetry(ILogger logger, int attempt, double delayMs, Exception? exception);

    [LoggerMessage(213, LogLevel.Warning, "Abandoned {Count} uncommitted post(s) from {Topic} [{Partition}] @{Offset} ({Why}); the group redelivers them")]
    public static partial void Abandoned(ILogger logger, int count, string topic, int partition, long offset, string why);

    [LoggerMessage(214, LogLevel.Warning, "Could not store offset {Offset} of {Topic} [{Partition}]")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(215, LogLevel.Warning, "Offset commit failed")]
    public static partial void CommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(216, LogLevel.Warning, "Kafka client error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, string code, string reason);

    [LoggerMessage(217, LogLevel.Critical, "Fatal error in the moderation worker, stopping the application: {Reason}")]
    public static partial void Fatal(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(218, LogLevel.Information, "Moderation worker stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(220, LogLevel.Information, "Scoring circuit breaker half-open: trying one batch")]
    public static partial void BreakerHalfOpened(ILogger logger);

    [LoggerMessage(221, LogLevel.Warning, "Could not fetch the metadata of output topic {Topic} before consuming: {Reason}")]
    public static partial void WarmUpFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(222, LogLevel.Warning, "Abandoned {Count} decoded batch(es) of {Posts} uncommitted post(s) ({Why}); the group redelivers them")]
    public static partial void AbandonedBatches(ILogger logger, int count, int posts, string why);

    [LoggerMessage(219, LogLevel.Warning, "Record from {Topic} [{Partition}] @{Offset} arrived while scoring is paused; rewound and paused the partition")]
    public static partial void Deferred(ILogger logger, string topic, int partition, long offset);
}
