using System.Globalization;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class RoundTripTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Two_hundred_posts_in_give_two_hundred_verdicts_keyed_by_post_id()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 4);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output);
        using var metrics = new MetricsRecorder(host.Host);
        var posts = Enumerable.Range(0, 200).Select(TestPosts.Valid).ToList();

        var deliveries = (await host.Publisher.PublishManyAsync(posts, maxInFlight: 50)).ToDictionary(d => d.PostId);
        var results = await host.Reader.ReadAsync(posts.Count, ReadTimeout);
        await host.StopAsync(); // the outputs are readable before the worker counted their acknowledgements

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Empty(results.DeadLetters);
        Assert.Equal(posts.Count, results.Verdicts.Count);
        Assert.Equal(4, deliveries.Values.Select(d => d.Partition).Distinct().Count());
        foreach (var post in posts)
        {
            var verdict = Assert.Single(results.Verdicts, v => v.PostId == post.Id);
            var delivery = deliveries[post.Id];
            var expected = MeanScorer.Expected(post.Image);
            Assert.Equal(expected, verdict.Scores[MeanScorer.ScoreName], 5);
            Assert.Equal(expected > WorkerHost.Threshold, verdict.Flagged);
            Assert.Equal(verdict.Flagged ? [MeanScorer.ScoreName] : [], verdict.Reasons);
            Assert.Equal(WorkerHost.Threshold, verdict.Thresholds[MeanScorer.ScoreName]);
            Assert.Equal(WorkerHost.ModelVersion, verdict.ModelVersion);
            Assert.Equal((Topics.Posts, delivery.Partition, delivery.Offset), (verdict.SourceTopic, verdict.SourcePartition, verdict.SourceOffset));
            Assert.Equal(verdict.ScoredAtMs - delivery.PostedAtMs, verdict.LatencyMs);
            Assert.InRange(verdict.LatencyMs, 0, ReadTimeout.TotalMilliseconds);
            Assert.Equal(post.UserId, verdict.Headers[PostHeaders.UserId]);
            Assert.Equal(post.ContentType, verdict.Headers[PostHeaders.ContentType]);
            Assert.Equal(post.Headers![PostHeaders.Source], verdict.Headers[PostHeaders.Source]);
            Assert.Equal(delivery.PostedAtMs.ToString(CultureInfo.InvariantCulture), verdict.Headers[PostHeaders.PostedAt]);
        }

        var flagged = results.Verdicts.Count(v => v.Flagged);
        Assert.InRange(flagged, 1, posts.Count - 1);
        // Metrics are recorded in the delivery callbacks, which may still be running when the reader sees the last
        // verdict: wait (bounded) until the last batch's acknowledgements have been counted.
        var settle = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < settle && (metrics.Count(StreamingMetrics.Latency) < posts.Count || metrics.Sum(StreamingMetrics.PostsConsumed) < posts.Count))
            await Task.Delay(50);
        Assert.Equal(posts.Count, metrics.Sum(StreamingMetrics.PostsConsumed));
        Assert.Equal(posts.Count, metrics.Sum(StreamingMetrics.VerdictsProduced));
        Assert.Equal(flagged, metrics.Sum(StreamingMetrics.FlagsProduced));
        Assert.Equal(posts.Count, metrics.Sum(StreamingMetrics.BatchSize));
        Assert.Equal(posts.Count, metrics.Count(StreamingMetrics.Latency));
        Assert.Equal(0, metrics.Sum(StreamingMetrics.DeadLettered));
    }
}
