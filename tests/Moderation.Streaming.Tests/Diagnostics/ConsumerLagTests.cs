using System.Globalization;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Diagnostics;

public sealed class ConsumerLagTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Lag_counts_every_waiting_post_while_the_scorer_is_blocked_and_reaches_zero_once_the_stream_is_drained()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var scorer = new GatedScorer();
        await using var host = await WorkerHost.StartAsync(broker, scorer, output, new Dictionary<string, string?>
        {
            ["Monitoring:ConsumerLagIntervalMs"] = "100",
        });
        using var metrics = new MetricsRecorder(host.Host);
        var posts = Enumerable.Range(0, 40).Select(TestPosts.Valid).ToList();
        var deliveries = await host.Publisher.PublishManyAsync(posts);
        var perPartition = deliveries.GroupBy(d => d.Partition).ToDictionary(g => g.Key, g => (double)g.Count());

        var inScorer = await scorer.Entered.WaitAsync(Bound);
        var waiting = await Eventually.ReadAsync(() => Lag(metrics), lag => lag.Values.Sum() == posts.Count, Bound);
        scorer.Open();
        var results = await host.Reader.ReadAsync(posts.Count, Bound);
        var drained = await Eventually.ReadAsync(() => Lag(metrics), lag => lag.Count == 2 && lag.Values.All(v => v == 0), Bound);

        output.WriteLine($"batch in the scorer: {inScorer} posts; lag while blocked: {string.Join(", ", waiting)}");
        Assert.InRange(inScorer, 1, 16);
        Assert.Equal(perPartition, waiting); // nothing committed yet: every post of each partition waits
        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Equal([0, 0], drained.Values);
        Assert.Equal([0, 1], drained.Keys.Order());
    }

    /// <summary>The lag gauge now, by partition of the posts topic.</summary>
    private static Dictionary<int, double> Lag(MetricsRecorder metrics) =>
        metrics.Observe(StreamingMetrics.ConsumerLag)
            .Where(m => (string?)m.Tags["topic"] == Topics.Posts)
            .ToDictionary(m => Convert.ToInt32(m.Tags["partition"], CultureInfo.InvariantCulture), m => m.Value);
}
