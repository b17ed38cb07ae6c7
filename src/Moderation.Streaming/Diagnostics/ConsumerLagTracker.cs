using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace Moderation.Streaming.Diagnostics;

/// <summary>
/// Per assigned partition: the high watermark (sampled by <see cref="ConsumerLagSampler"/>) and the group's committed
/// position (the next offset to process: advanced by the consume loop as it stores a batch's offsets, or fetched once
/// from the group when a partition is assigned). Lag = high watermark − committed position, ≥ 0; a partition for which
/// the group has no committed offset counts from its log start (auto.offset.reset=earliest) or its end (latest).
/// </summary>
internal sealed class ConsumerLagTracker(bool resetToEarliest)
{
    private readonly ConcurrentDictionary<TopicPartition, PartitionLag> _partitions = new();

    /// <summary>The partitions assigned now (a snapshot).</summary>
    public IReadOnlyList<TopicPartition> Partitions => [.. _partitions.Keys];

    /// <summary>Consume thread: partitions were assigned; their positions are unknown until sampled or committed.</summary>
    public void Assigned(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _partitions[partition] = new PartitionLag();
        }
    }

    /// <summary>Consume thread: partitions were revoked or lost; they are no longer measured.</summary>
    public void Removed(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _partitions.TryRemove(partition, out _);
        }
    }

    /// <summary>Consume thread: <paramref name="nextOffset"/> (last processed + 1) was stored for commit.</summary>
    public void Committed(TopicPartition partition, long nextOffset)
    {
        if (_partitions.TryGetValue(partition, out var lag))
        {
            lag.Advance(nextOffset);
        }
    }

    /// <summary>Sampler: whether the committed position of <paramref name="partition"/> is still unknown.</summary>
    public bool NeedsCommitted(TopicPartition partition) =>
        _partitions.TryGetValue(partition, out var lag) && Volatile.Read(ref lag.Committed) < 0 && !lag.NoneCommitted;

    /// <summary>Sampler: the group's committed offset as fetched from the coordinator (<see cref="Offset.Unset"/> when none).</summary>
    public void GroupCommitted(TopicPartition partition, Offset offset)
    {
        if (_partitions.TryGetValue(partition, out var lag))
        {
            if (offset.Value >= 0)
            {
                lag.Advance(offset.Value);
            }
            else
            {
                lag.NoneCommitted = true;
            }
        }
    }

    /// <summary>Sampler: the partition's current low and high watermarks.</summary>
    public void Watermarks(TopicPartition partition, long low, long high)
    {
        if (_partitions.TryGetValue(partition, out var lag))
        {
            Volatile.Write(ref lag.Low, low);
            Volatile.Write(ref lag.High, high);
        }
    }

    /// <summary>Collector thread: one measurement per partition whose lag is known, tagged <c>topic</c> and <c>partition</c>.</summary>
    public IEnumerable<Measurement<long>> Measure()
    {
        foreach (var (partition, lag) in _partitions)
        {
            if (lag.Lag(resetToEarliest) is { } value)
            {
                yield return new Measurement<long>(value,
                    new KeyValuePair<string, object?>("topic", partition.Topic),
                    new KeyValuePair<string, object?>("partition", partition.Partition.Value));
            }
        }
    }

    private sealed class PartitionLag
    {
        public long Low = -1;
        public long High = -1;
        public long Committed = -1;
        public volatile bool NoneCommitted;

        public void Advance(long offset)
        {
            var current = Volatile.Read(ref Committed);
            while (offset > current)
            {
                var seen = Interlocked.CompareExchange(ref Committed, offset, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }

        public long? Lag(bool resetToEarliest)
        {
            var high = Volatile.Read(ref High);
            var committed = Volatile.Read(ref Committed);
            var from = committed >= 0 ? committed
                : NoneCommitted ? (resetToEarliest ? Volatile.Read(ref Low) : high)
                : -1;
            return high < 0 || from < 0 ? null : Math.Max(0, high - from);
        }
    }
}
