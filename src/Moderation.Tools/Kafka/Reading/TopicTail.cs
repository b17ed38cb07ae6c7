using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;

namespace Moderation.Tools.Kafka.Reading;

/// <summary>
/// Reads topics from the beginning without a consumer group (partitions assigned from metadata as the topics appear),
/// until enough distinct post ids were seen and every assigned partition reached its end, or a timeout.
/// </summary>
public static class TopicTail
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MetadataInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls <paramref name="onRecord"/> for every record, on the calling thread; it returns the record's post id.</summary>
    /// <param name="options">Connection settings (<see cref="KafkaClients.Reader"/>).</param>
    /// <param name="time">Clock of <paramref name="timeout"/>.</param>
    /// <param name="logger">Receives librdkafka's log lines.</param>
    /// <param name="topics">Topics to read; one that does not exist yet is looked up every 250 ms.</param>
    /// <param name="expectedDistinct">Distinct post ids after which the read ends once every partition is at its end.</param>
    /// <param name="timeout">Longest read.</param>
    /// <param name="onRecord">Receives each record (partition-EOF events excluded) and returns its post id.</param>
    /// <param name="cancellationToken">Ends the read with <see cref="OperationCanceledException"/>.</param>
    /// <returns>True when <paramref name="expectedDistinct"/> distinct post ids were seen.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static bool Read(KafkaOptions options, TimeProvider time, ILogger logger, IReadOnlyList<string> topics, int expectedDistinct, TimeSpan timeout,
        Func<ConsumeResult<byte[]?, byte[]?>, string> onRecord, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var consumer = KafkaClients.Reader(options, logger).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        var pending = new List<string>(topics);
        var atEnd = new Dictionary<TopicPartition, bool>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lastMetadata = (TimeSpan?)null;
        try
        {
            while (time.GetElapsedTime(started) < timeout)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var elapsed = time.GetElapsedTime(started);
                if (pending.Count > 0 && (lastMetadata is null || elapsed - lastMetadata >= MetadataInterval))
                {
                    AssignAvailable(admin, consumer, pending, atEnd);
                    lastMetadata = elapsed;
                }

                if (consumer.Consume(Poll) is { } record)
                {
                    atEnd[record.TopicPartition] = record.IsPartitionEOF;
                    if (!record.IsPartitionEOF)
                    {
                        ids.Add(onRecord(record));
                    }
                }

                // a topic still missing (no dead letter yet on a cluster without auto-creation) does not hold the read up
                if (ids.Count >= expectedDistinct && lastMetadata is not null && atEnd.Values.All(static end => end))
                {
                    break;
                }
            }
        }
        finally
        {
            consumer.Close();
        }

        return ids.Count >= expectedDistinct;
    }

    private static void AssignAvailable(IAdminClient admin, IConsumer<byte[]?, byte[]?> consumer, List<string> pending,
        Dictionary<TopicPartition, bool> atEnd)
    {
        foreach (var topic in pending.ToArray())
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(2)).Topics.SingleOrDefault();
            if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
            {
                continue;
            }

            var partitions = metadata.Partitions
                .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning))
                .ToList();
            partitions.ForEach(p => atEnd[p.TopicPartition] = false);
            consumer.IncrementalAssign(partitions);
            pending.Remove(topic);
        }
    }
}
