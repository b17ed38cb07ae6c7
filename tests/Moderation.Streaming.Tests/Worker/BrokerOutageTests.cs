using Moderation.Core.Contracts;
using Moderation.Streaming.Broker;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private static readonly string[] OutputTopics = [Topics.Verdicts, Topics.Flags, Topics.DeadLetter];

    [Fact]
    public async Task Broker_outage_longer_than_the_produce_timeout_is_retried_and_loses_no_post()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var scorer = new MeanScorer { DelayPerCall = TimeSpan.FromMilliseconds(100) };
        await using var host = await WorkerHost.StartAsync(broker, scorer, output, new Dictionary<string, string?>
        {
            ["Batching:MaxBatchSize"] = "8",
            ["Resilience:ProduceTimeoutMs"] = "500",
            ["Resilience:ProduceRetryDelayMs"] = "200",
            ["Resilience:ProduceMaxRetries"] = "10",
        });
        using var metrics = new MetricsRecorder(host.Host);
        var posts = Enumerable.Range(0, 120).Select(TestPosts.Valid).ToList();
        await host.Publisher.PublishManyAsync(posts);
        Assert.True((await host.Reader.ReadAsync(16, TimeSpan.FromSeconds(15))).Complete);

        var scoredBeforeOutage = scorer.ImagesScored;
        broker.SetBrokerDown();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var scoredDuringOutage = scorer.ImagesScored - scoredBeforeOutage;
        broker.SetBrokerUp();
        var results = await host.Reader.ReadAsync(posts.Count, TimeSpan.FromSeconds(15));

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Empty(results.DeadLetters);
        Assert.Equal(posts.Select(p => p.Id).Order(), results.Verdicts.Select(v => v.PostId).Distinct().Order());
        output.WriteLine($"verdicts {results.Verdicts.Count} for {posts.Count} posts; scored during the outage {scoredDuringOutage}");
        Assert.InRange(scoredBeforeOutage, 1, posts.Count - 1); // the outage hit mid-stream
        Assert.InRange(scoredDuringOutage, 0, 16); // the in-flight batch (at most one more in a race), then no progress without acks
        var timeouts = metrics.Sum(StreamingMetrics.ProduceTimeouts);
        var retries = metrics.Sum(StreamingMetrics.ProduceRetries);
        output.WriteLine($"produce timeouts {timeouts}, retries {retries}");
        Assert.InRange(metrics.Sum(StreamingMetrics.ProduceTimeouts, "topic", Topics.Verdicts), 1, timeouts);
        Assert.Equal(timeouts, OutputTopics.Sum(t => metrics.Sum(StreamingMetrics.ProduceTimeouts, "topic", t)));
        Assert.InRange(metrics.Sum(StreamingMetrics.ProduceRetries, "topic", Topics.Verdicts), 1, retries);
        Assert.Equal(retries, OutputTopics.Sum(t => metrics.Sum(StreamingMetrics.ProduceRetries, "topic", t)));
    }
}
