using Microsoft.Extensions.Logging;

namespace Moderation.Review;

/// <summary>Log messages of the review side (event ids 700–799).</summary>
internal static partial class ReviewLog
{
    [LoggerMessage(700, LogLevel.Information, "Review side disabled (Review:Enabled = false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(701, LogLevel.Information, "Review store {Store}: schema version {Version} (applied now: {Applied})")]
    public static partial void StoreReady(ILogger logger, string store, int version, string applied);

    [LoggerMessage(702, LogLevel.Warning, "Review ingest skipped a malformed record of {Topic} [{Partition}] @{Offset}: {Error}")]
    public static partial void Malformed(ILogger logger, string topic, int partition, long offset, string error);

    [LoggerMessage(703, LogLevel.Error, "Review ingest failed; restarting from the last committed offset in {DelayMs} ms")]
    public static partial void IngestFailed(ILogger logger, Exception exception, int delayMs);

    [LoggerMessage(704, LogLevel.Warning, "Publishing decision {DecisionId} of post {PostId} failed; retried in {DelayMs} ms")]
    public static partial void PublishFailed(ILogger logger, Exception exception, long decisionId, string postId, int delayMs);

    [LoggerMessage(705, LogLevel.Information, "Review retention deleted {Count} image(s) read before {Cutoff:o}")]
    public static partial void ImagesExpired(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(706, LogLevel.Information, "Review ingest stored {Stored} new flagged post(s), {Redelivered} redelivered, up to {Topic} [{Partition}] @{Offset}")]
    public static partial void Ingested(ILogger logger, int stored, int redelivered, string topic, int partition, long offset);

    [LoggerMessage(707, LogLevel.Information, "Decision {Decision} on post {PostId} by {Reviewer}")]
    public static partial void Decided(ILogger logger, string decision, string postId, string reviewer);

    [LoggerMessage(708, LogLevel.Warning, "Review retention failed; retried at the next sweep")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(709, LogLevel.Debug, "Review ingest could not read {Topic}: {Error}")]
    public static partial void ReadFailed(ILogger logger, string topic, string error);
}
