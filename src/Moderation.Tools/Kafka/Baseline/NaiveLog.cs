using Microsoft.Extensions.Logging;

namespace Moderation.Tools.Kafka.Baseline;

/// <summary>Structured log messages of <see cref="NaiveModerationConsumer"/> (event ids 300–319).</summary>
internal static partial class NaiveLog
{
    [LoggerMessage(300, LogLevel.Information, "Naive consumer reading {Topic} as group {GroupId}, one post at a time, until {Expected} post(s)")]
    public static partial void Starting(ILogger logger, string topic, string groupId, int expected);

    [LoggerMessage(301, LogLevel.Information, "Naive consumer processed {Processed} of {Expected} post(s) in {ElapsedMs} ms ({ProcessingMs} ms from the first post)")]
    public static partial void Finished(ILogger logger, int processed, int expected, double elapsedMs, double processingMs);
}
