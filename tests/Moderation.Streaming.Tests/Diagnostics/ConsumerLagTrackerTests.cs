using Confluent.Kafka;
using Moderation.Streaming.Diagnostics;

namespace Moderation.Streaming.Tests.Diagnostics;

public sealed class ConsumerLagTrackerTests
{
    private static readonly TopicPartition P0 = new("posts.images", 0);
    private static readonly TopicPartition P1 = new("posts.images", 1);

    [Fact]
    public void Lag_is_the_high_watermark_minus_the_committed_position_and_only_known_partitions_are_measured()
    {
        var tracker = new ConsumerLagTracker(resetToEarliest: true);
        tracker.Assigned([P0, P1]);
        tracker.Watermarks(P0, low: 0, high: 50);
        tracker.GroupCommitted(P0, new Offset(20));

        var first = Measure(tracker);
        tracker.Committed(P0, 45);
        tracker.Committed(P0, 30); // an older store never moves the position back
        var second = Measure(tracker);
        tracker.Watermarks(P1, low: 0, high: 9); // committed position of P1 still unknown

        Assert.Equal(new Dictionary<int, long> { [0] = 30 }, first);
        Assert.Equal(new Dictionary<int, long> { [0] = 5 }, second);
        Assert.Equal(new Dictionary<int, long> { [0] = 5 }, Measure(tracker));
        Assert.True(tracker.NeedsCommitted(P1));
        Assert.False(tracker.NeedsCommitted(P0));
    }

    [Theory]
    [InlineData(true, 90)]
    [InlineData(false, 0)]
    public void Without_a_committed_offset_lag_counts_from_where_auto_offset_reset_starts(bool resetToEarliest, long expected)
    {
        var tracker = new ConsumerLagTracker(resetToEarliest);
        tracker.Assigned([P0]);
        tracker.Watermarks(P0, low: 10, high: 100);
        tracker.GroupCommitted(P0, Offset.Unset);

        Assert.Equal(new Dictionary<int, long> { [0] = expected }, Measure(tracker));
        Assert.False(tracker.NeedsCommitted(P0));
    }

    [Fact]
    public void Revoked_partitions_are_no_longer_measured_and_a_reassigned_one_starts_unknown()
    {
        var tracker = new ConsumerLagTracker(resetToEarliest: true);
        tracker.Assigned([P0, P1]);
        tracker.Watermarks(P0, 0, 10);
        tracker.Watermarks(P1, 0, 10);
        tracker.Committed(P0, 4);
        tracker.Committed(P1, 6);

        tracker.Removed([P1]);
        var afterRevoke = Measure(tracker);
        tracker.Assigned([P0]);

        Assert.Equal(new Dictionary<int, long> { [0] = 6 }, afterRevoke);
        Assert.Empty(Measure(tracker));
        Assert.Equal([P0], tracker.Partitions);
    }

    private static Dictionary<int, long> Measure(ConsumerLagTracker tracker) =>
        tracker.Measure().ToDictionary(m => (int)m.Tags.ToArray().Single(t => t.Key == "partition").Value!, m => m.Value);
}
