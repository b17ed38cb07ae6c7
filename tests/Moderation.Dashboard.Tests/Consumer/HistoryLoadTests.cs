using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Dashboard.Consumer;
using Moderation.Dashboard.Tests.Support;

namespace Moderation.Dashboard.Tests.Consumer;

public sealed class HistoryLoadTests
{
    private static ConsumeResult<byte[]?, byte[]?> Record(int partition, long offset, long timestampMs) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(Topics.Flags, partition, offset),
        Message = new Message<byte[]?, byte[]?> { Timestamp = new Timestamp(timestampMs, TimestampType.CreateTime) },
    };

    [Fact]
    public void Releases_the_newest_records_across_partitions_in_timestamp_order()
    {
        var load = new HistoryLoad(capacity: 3, startedAt: 0);
        // partition 0 holds the older flags, partition 1 the newer ones interleaved with partition 2
        (int Partition, long Offset, long Time)[] records = [(0, 0, 100), (0, 1, 110), (1, 0, 300), (1, 1, 500), (2, 0, 400), (2, 1, 120)];
        foreach (var (partition, offset, time) in records)
        {
            load.Add(Record(partition, offset, time), Verdicts.Flag($"t{time}", offset, sourcePartition: partition));
        }

        Assert.Equal(["t300", "t400", "t500"], load.Release().Select(v => v.PostId));
        Assert.Equal(6, load.Read);
    }

    [Fact]
    public void Orders_equal_timestamps_by_partition_then_offset()
    {
        var load = new HistoryLoad(capacity: 10, startedAt: 0);
        load.Add(Record(1, 5, 100), Verdicts.Flag("p1o5", 5));
        load.Add(Record(0, 9, 100), Verdicts.Flag("p0o9", 9));
        load.Add(Record(1, 4, 100), Verdicts.Flag("p1o4", 4));

        Assert.Equal(["p0o9", "p1o4", "p1o5"], load.Release().Select(v => v.PostId));
    }

    [Fact]
    public void Buffers_at_most_twice_the_capacity_without_losing_the_newest()
    {
        var load = new HistoryLoad(capacity: 4, startedAt: 0);
        for (var i = 0; i < 100; i++)
        {
            load.Add(Record(i % 3, i, 1_000 - i), Verdicts.Flag($"p{i}", i)); // newest first
        }

        Assert.Equal(["p3", "p2", "p1", "p0"], load.Release().Select(v => v.PostId));
    }

    [Fact]
    public void Completes_when_every_expected_partition_reached_its_end()
    {
        var load = new HistoryLoad(capacity: 4, startedAt: 0);
        Assert.True(load.IsComplete);
        load.Expect(new TopicPartition(Topics.Flags, 0));
        load.Expect(new TopicPartition(Topics.Flags, 2));

        load.ReachedEnd(new TopicPartition(Topics.Flags, 2));
        Assert.False(load.IsComplete);
        load.ReachedEnd(new TopicPartition(Topics.Flags, 1));
        Assert.False(load.IsComplete);
        load.ReachedEnd(new TopicPartition(Topics.Flags, 0));
        Assert.True(load.IsComplete);
    }
}
