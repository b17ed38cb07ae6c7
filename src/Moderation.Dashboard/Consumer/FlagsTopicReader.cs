using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Feed;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;

namespace Moderation.Dashboard.Consumer;

/// <summary>
/// Reads the flags topic into the <see cref="FlagFeed"/> on the calling thread, without a consumer group: partitions
/// are assigned from metadata as they appear, each from <c>max(low, high − HistorySize)</c>, so a restarted dashboard
/// shows recent history without committing offsets or joining a group (and without its rebalance delay).
/// </summary>
internal sealed class FlagsTopicReader(KafkaOptions kafka, DashboardOptions options, FlagFeed feed, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MissingTopicInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PartitionRefreshInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HistoryLimit = TimeSpan.FromSeconds(10);

    private readonly HashSet<int> _assigned = [];
    private HistoryLoad? _history;

    /// <summary>Reads until <paramref name="cancellationToken"/> is cancelled, then closes the consumer.</summary>
    /// <exception cref="KafkaException">The client could not be created.</exception>
    /// <exception cref="DllNotFoundException">The redist's librdkafka does not load.</exception>
    public void Run(CancellationToken cancellationToken)
    {
        using var consumer = KafkaClients.Reader(kafka, logger).Build(); // never commits; partition EOF marks the end of the history
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        _assigned.Clear();
        _history = null;
        var nextLookup = time.GetTimestamp();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (time.GetTimestamp() >= nextLookup)
                {
                    var found = AssignNewPartitions(admin, consumer);
                    nextLookup = time.GetTimestamp() + (long)((found ? PartitionRefreshInterval : MissingTopicInterval).TotalSeconds * time.TimestampFrequency);
                }

                ConsumeOne(consumer);
                if (_history is { } history && (history.IsComplete || time.GetElapsedTime(history.StartedAt) > HistoryLimit))
                {
                    var verdicts = history.Release();
                    foreach (var verdict in verdicts)
                    {
                        feed.Add(verdict);
                    }

                    DashboardLog.HistoryLoaded(logger, verdicts.Count, history.Read, kafka.FlagsTopic);
                    _history = null;
                }
            }
        }
        finally
        {
            consumer.Close();
        }
    }

    private void ConsumeOne(IConsumer<byte[]?, byte[]?> consumer)
    {
        ConsumeResult<byte[]?, byte[]?>? record;
        try
        {
            record = consumer.Consume(Poll);
        }
        catch (ConsumeException ex)
        {
            DashboardLog.ReadFailed(logger, kafka.FlagsTopic, ex.Error.Reason);
            return;
        }

        if (record is null)
        {
            return;
        }

        if (record.IsPartitionEOF)
        {
            _history?.ReachedEnd(record.TopicPartition);
            return;
        }

        var verdict = VerdictRecords.TryParse(record.Message.Value, options.MaxVerdictBytes, out var error);
        if (verdict is null)
        {
            feed.RecordMalformed();
            DashboardLog.Malformed(logger, record.Topic, record.Partition.Value, record.Offset.Value, error!);
        }
        else if (_history is { } history)
        {
            history.Add(record, verdict);
        }
        else
        {
            feed.Add(verdict);
        }
    }

    /// <returns>True when the topic exists (its partitions are assigned).</returns>
    private bool AssignNewPartitions(IAdminClient admin, IConsumer<byte[]?, byte[]?> consumer)
    {
        TopicMetadata? topic;
        try
        {
            topic = admin.GetMetadata(kafka.FlagsTopic, QueryTimeout).Topics.SingleOrDefault();
        }
        catch (KafkaException ex)
        {
            DashboardLog.ReadFailed(logger, kafka.FlagsTopic, ex.Error.Reason);
            return false;
        }

        if (topic is null || topic.Error.IsError || topic.Partitions.Count == 0)
        {
            return false;
        }

        var starts = new List<TopicPartitionOffset>();
        foreach (var partition in topic.Partitions.Select(static p => p.PartitionId).Where(id => !_assigned.Contains(id)).Order())
        {
            var tp = new TopicPartition(kafka.FlagsTopic, partition);
            WatermarkOffsets marks;
            try
            {
                marks = consumer.QueryWatermarkOffsets(tp, QueryTimeout);
            }
            catch (KafkaException ex)
            {
                DashboardLog.ReadFailed(logger, kafka.FlagsTopic, ex.Error.Reason);
                continue; // retried at the next lookup
            }

            var start = Math.Max(marks.Low.Value, marks.High.Value - options.HistorySize);
            if (start < marks.High.Value)
            {
                (_history ??= new HistoryLoad(options.HistorySize, time.GetTimestamp())).Expect(tp);
            }

            starts.Add(new TopicPartitionOffset(tp, new Offset(start)));
            _assigned.Add(partition);
        }

        if (starts.Count > 0)
        {
            consumer.IncrementalAssign(starts);
            DashboardLog.Assigned(logger, kafka.FlagsTopic, string.Join(',', starts.Select(static s => s.Partition.Value)),
                string.Join(',', starts.Select(static s => s.Offset.Value)));
        }

        return true;
    }
}
