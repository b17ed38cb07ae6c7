using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Feed;
using Moderation.Dashboard.Tests.Support;

namespace Moderation.Dashboard.Tests.Feed;

public sealed class FlagFeedTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123);

    private static FlagFeed Feed(int historySize = 500) =>
        new(Options.Create(new DashboardOptions { HistorySize = historySize }), new FixedTimeProvider(Start));

    [Fact]
    public void Ids_start_after_the_start_time_in_ms_times_1000_and_are_consecutive()
    {
        var feed = Feed();
        Assert.Equal(1_767_225_600_123_000, feed.LatestId);

        var first = feed.Add(Verdicts.Flag("a", 1))!;
        var second = feed.Add(Verdicts.Flag("b", 2))!;

        Assert.Equal(1_767_225_600_123_001, first.Id);
        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(second.Id, feed.LatestId);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), first.ReceivedAtMs);
    }

    [Fact]
    public void Counts_flags_per_reason_and_per_source_header()
    {
        var feed = Feed(historySize: 2);
        feed.Add(Verdicts.Flag("a", 1, ["abnormal"], source: "anomalous"));
        feed.Add(Verdicts.Flag("b", 2, ["abnormal", "synthetic"], source: "synthetic"));
        feed.Add(Verdicts.Flag("c", 3, ["synthetic", "synthetic"], source: "synthetic"));
        feed.Add(Verdicts.Flag("d", 4, ["synthetic"], source: null));

        var counts = feed.Snapshot(10).Counts;

        Assert.Equal(4, counts.Total); // evicted posts stay counted
        Assert.Equal(new Dictionary<string, long> { ["abnormal"] = 2, ["synthetic"] = 3 }, counts.ByReason);
        Assert.Equal(new Dictionary<string, long> { ["anomalous"] = 1, ["synthetic"] = 2 }, counts.BySource);
        Assert.Equal(0, counts.Duplicates);
        Assert.Equal(0, counts.Malformed);
    }

    [Fact]
    public void Folds_source_values_past_the_distinct_key_limit_into_other()
    {
        var feed = Feed();
        for (var i = 0; i < FlagCounters.MaxDistinctKeys + 5; i++)
        {
            feed.Add(Verdicts.Flag($"p{i}", i, source: $"source-{i}"));
        }

        var bySource = feed.Snapshot(0).Counts.BySource;

        Assert.Equal(FlagCounters.MaxDistinctKeys + 1, bySource.Count);
        Assert.Equal(5, bySource[FlagCounters.OtherKey]);
        Assert.Equal(1, bySource["source-0"]);
    }

    [Fact]
    public void Drops_a_redelivered_verdict_while_the_same_post_is_in_the_ring()
    {
        var feed = Feed(historySize: 2);
        Assert.NotNull(feed.Add(Verdicts.Flag("a", 1)));

        Assert.Null(feed.Add(Verdicts.Flag("a", 1)));
        Assert.NotNull(feed.Add(Verdicts.Flag("a", 1, sourcePartition: 3))); // another post
        Assert.NotNull(feed.Add(Verdicts.Flag("a", 1) with { ModelVersion = "retrained@0123456789ab" }));
        Assert.NotNull(feed.Add(Verdicts.Flag("a", 1))); // the first one was evicted

        var snapshot = feed.Snapshot(10);
        Assert.Equal(4, snapshot.Counts.Total);
        Assert.Equal(1, snapshot.Counts.Duplicates);
        Assert.Equal(2, snapshot.Flags.Count);
    }

    [Fact]
    public void Snapshot_holds_counts_and_the_newest_posts_newest_first()
    {
        var feed = Feed(historySize: 3);
        for (var i = 1; i <= 5; i++)
        {
            feed.Add(Verdicts.Flag($"p{i}", i));
        }

        feed.RecordMalformed();
        var snapshot = feed.Snapshot(2);

        Assert.Equal(["p5", "p4"], snapshot.Flags.Select(f => f.Verdict.PostId));
        Assert.Equal(snapshot.Flags[0].Id, snapshot.LatestId);
        Assert.Equal(3, snapshot.Capacity);
        Assert.Equal(5, snapshot.Counts.Total);
        Assert.Equal(1, snapshot.Counts.Malformed);
        Assert.Equal(3, feed.Snapshot(1_000).Flags.Count);
    }

    [Fact]
    public void StartAfter_follows_on_within_the_ring_and_replays_it_otherwise()
    {
        var feed = Feed(historySize: 3);
        Assert.Equal(feed.LatestId, feed.StartAfter(null)); // empty: wait for the first post
        var ids = Enumerable.Range(1, 5).Select(i => feed.Add(Verdicts.Flag($"p{i}", i))!.Id).ToArray(); // ring: ids[2..4]

        Assert.Equal(ids[3], feed.StartAfter(ids[3]));
        Assert.Equal(ids[4], feed.StartAfter(ids[4]));
        Assert.Equal(ids[1], feed.StartAfter(ids[1])); // the id just before the ring
        Assert.Equal(ids[1], feed.StartAfter(ids[0])); // evicted: whole ring
        Assert.Equal(ids[1], feed.StartAfter(null));
        Assert.Equal(ids[1], feed.StartAfter(ids[4] + 1_000)); // never issued here (another process)
        Assert.Equal(["p3", "p4", "p5"], feed.ReadAfter(feed.StartAfter(7), 10).Select(p => p.Verdict.PostId));
    }

    [Fact]
    public async Task WaitForNewer_completes_when_a_post_is_added_or_at_once_when_one_exists()
    {
        var feed = Feed();
        var before = feed.LatestId;
        var waiting = feed.WaitForNewerAsync(before, Timeout.InfiniteTimeSpan, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        feed.Add(Verdicts.Flag("a", 1));

        Assert.True(await waiting);
        Assert.True(await feed.WaitForNewerAsync(before, Timeout.InfiniteTimeSpan, CancellationToken.None));
    }

    [Fact]
    public async Task WaitForNewer_ends_on_cancellation()
    {
        var feed = Feed();
        using var cancel = new CancellationTokenSource();
        var waiting = feed.WaitForNewerAsync(feed.LatestId, Timeout.InfiniteTimeSpan, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Concurrent_adds_and_reads_see_consecutive_ids()
    {
        var feed = Feed(historySize: 64);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                feed.Add(Verdicts.Flag($"w{w}-{i}", i, sourcePartition: w));
            }
        })).ToArray();
        var reader = Task.Run(async () =>
        {
            while (!writers.All(t => t.IsCompleted))
            {
                var posts = feed.ReadAfter(long.MinValue, int.MaxValue);
                Assert.True(posts.Zip(posts.Skip(1)).All(p => p.Second.Id == p.First.Id + 1));
                await Task.Yield();
            }
        });
        await Task.WhenAll([.. writers, reader]);

        Assert.Equal(2_000, feed.Snapshot(0).Counts.Total);
        Assert.Equal(64, feed.ReadAfter(long.MinValue, int.MaxValue).Count);
        Assert.Equal(Topics.Posts, feed.Snapshot(1).Flags[0].Verdict.SourceTopic);
    }
}
