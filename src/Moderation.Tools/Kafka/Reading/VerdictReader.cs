using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Records;
using Moderation.Streaming.Serialization;

namespace Moderation.Tools.Kafka.Reading;

/// <summary>
/// Reads the worker's outputs back from the beginning of their topics (no consumer group, nothing committed): for the
/// demo, tests and diagnostics. A topic that does not exist yet is waited for (the worker's producer creates the output
/// topics on its first metadata request on a broker with <c>auto.create.topics.enable</c>, as the embedded broker is;
/// this reader's own requests do not create topics).
/// </summary>
/// <param name="options">Kafka connection and topic names.</param>
/// <param name="timeProvider">Clock of the read timeouts.</param>
/// <param name="logger">Receives librdkafka's log lines; none when null.</param>
public sealed class VerdictReader(IOptions<KafkaOptions> options, TimeProvider timeProvider, ILogger<VerdictReader>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>
    /// Reads <see cref="KafkaOptions.VerdictsTopic"/> and <see cref="KafkaOptions.DeadLetterTopic"/> until
    /// <paramref name="expectedPosts"/> distinct post ids were seen and every partition was read to its end, or until
    /// <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="JsonException">A verdict record is not valid verdict JSON.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ModerationResults> ReadAsync(int expectedPosts, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var kafka = options.Value;
        return Task.Factory.StartNew(() =>
        {
            var verdicts = new List<Verdict>();
            var deadLetters = new List<DeadLetter>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var complete = TopicTail.Read(kafka, timeProvider, _logger, [kafka.VerdictsTopic, kafka.DeadLetterTopic], expectedPosts, timeout, record =>
            {
                string id;
                if (record.Topic == kafka.VerdictsTopic)
                {
                    var verdict = ParseVerdict(record);
                    verdicts.Add(verdict);
                    id = verdict.PostId;
                }
                else
                {
                    var deadLetter = ParseDeadLetter(record);
                    deadLetters.Add(deadLetter);
                    id = deadLetter.PostId;
                }

                ids.Add(id);
                return id;
            }, cancellationToken);
            return new ModerationResults(verdicts, deadLetters, ids.Count, complete);
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Reads <see cref="KafkaOptions.FlagsTopic"/> until <paramref name="expectedFlags"/> distinct post ids were
    /// seen and every partition was read to its end, or until <paramref name="timeout"/>.</summary>
    /// <returns>Every flagged verdict read (the <see cref="PostHeaders.Verdict"/> header of each flagged post), duplicates included.</returns>
    /// <exception cref="JsonException">A record has no valid verdict JSON header.</exception>
    public Task<IReadOnlyList<Verdict>> ReadFlagsAsync(int expectedFlags, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var kafka = options.Value;
        return Task.Factory.StartNew<IReadOnlyList<Verdict>>(() =>
        {
            var flags = new List<Verdict>();
            TopicTail.Read(kafka, timeProvider, _logger, [kafka.FlagsTopic], expectedFlags, timeout, record =>
            {
                var json = record.Message.Headers is { } headers && headers.TryGetLastBytes(PostHeaders.Verdict, out var bytes)
                    ? bytes
                    : throw new JsonException($"No {PostHeaders.Verdict} header at {record.TopicPartitionOffset}.");
                var verdict = JsonSerializer.Deserialize(json, StreamingJsonContext.Default.Verdict)
                    ?? throw new JsonException($"Null verdict at {record.TopicPartitionOffset}.");
                flags.Add(verdict);
                return verdict.PostId;
            }, cancellationToken);
            return flags;
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static Verdict ParseVerdict(ConsumeResult<byte[]?, byte[]?> record) =>
        JsonSerializer.Deserialize(record.Message.Value ?? [], StreamingJsonContext.Default.Verdict)
        ?? throw new JsonException($"Null verdict at {record.TopicPartitionOffset}.");

    private static DeadLetter ParseDeadLetter(ConsumeResult<byte[]?, byte[]?> record)
    {
        var headers = PostRecords.HeaderMap(record.Message.Headers);
        return new DeadLetter
        {
            PostId = record.Message.Key is { } key ? Encoding.UTF8.GetString(key) : "",
            Reason = headers.GetValueOrDefault(PostHeaders.DlqReason, ""),
            Error = headers.GetValueOrDefault(PostHeaders.DlqError, ""),
            SourceTopic = headers.GetValueOrDefault(PostHeaders.DlqSourceTopic, ""),
            SourcePartition = int.Parse(headers.GetValueOrDefault(PostHeaders.DlqSourcePartition, "-1"), CultureInfo.InvariantCulture),
            SourceOffset = long.Parse(headers.GetValueOrDefault(PostHeaders.DlqSourceOffset, "-1"), CultureInfo.InvariantCulture),
            Value = record.Message.Value,
            Headers = headers,
        };
    }
}
