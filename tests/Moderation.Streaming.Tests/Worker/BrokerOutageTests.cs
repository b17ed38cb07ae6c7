using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private const int BatchSize = 8;
    private const int MaxBatchesInFlight = 2;
    private static readonly string[] OutputTopics = [Topics.Verdicts, Topics.Flags, Topics.DeadLetter];
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Broker_outage_longer_than_the_produce_timeout_is_retried_counted_and_loses_no_post()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var scorer = new GatedScorer(freeCalls: 2); // the third batch waits in the scorer until the broker is down
        await using var host = await WorkerHost.StartAsync(broker, scorer, output, new Dictionary<string, string?>
        {
            ["Batching:MaxBatchSize"] = $"{BatchSize}",
            ["Batching:MaxBatchDelayMs"] = "200",
            ["Batching:MaxBatchesInFlight"] = $"{MaxBatchesInFlight}",
            ["Resilience:ProduceTimeoutMs"] = "500",
            ["Resilience:ProduceRetryDelayMs"] = "200",
            ["Resilience:ProduceRetryMaxDelayMs"] = "500",
            ["Resilience:ProduceMaxRetries"] = "20",
        });
        using var metrics = new MetricsRecorder(host.Host);
        var posts = Enumerable.Range(0, 120).Select(TestPosts.Valid).ToList();
        await host.Publisher.PublishManyAsync(posts);
        var held = await scorer.Entered.WaitAsync(Bound);
        var beforeOutage = await host.Reader.ReadAsync(2 * BatchSize, Bound);

        broker.SetBrokerDown();
        scorer.Open(); // the held batch's outputs are produced into the outage
        await Task.Delay(TimeSpan.FromSeconds(2));
        var scoredDuringOutage = scorer.ImagesScored - beforeOutage.DistinctPostIds;
        broker.SetBrokerUp();
        var results = await host.Reader.ReadAsync(posts.Count, Bound);
        await host.StopAsync();

        var timeouts = metrics.Sum(StreamingMetrics.ProduceTimeouts);
        var retries = metrics.Sum(StreamingMetrics.ProduceRetries);
        output.WriteLine($"verdicts {results.Verdicts.Count} for {posts.Count} posts; produce timeouts {timeouts}, retries {retries}; held {held}, before outage {beforeOutage.Verdicts.Count}, scored during outage {scoredDuringOutage}");
        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Empty(results.DeadLetters);
        Assert.Equal(posts.Select(p => p.Id).Order(), results.Verdicts.Select(v => v.PostId).Distinct().Order());
        Assert.Equal((BatchSize, 2 * BatchSize), (held, beforeOutage.Verdicts.Count)); // two batches before the outage
        // the held batch, then at most MaxBatchesInFlight − 1 more: no further progress without acknowledgements
        Assert.InRange(scoredDuringOutage, BatchSize, MaxBatchesInFlight * BatchSize);
        // every verdict of the held batch waited past the 500 ms produce timeout at least once
        Assert.InRange(metrics.Sum(StreamingMetrics.ProduceTimeouts, "topic", Topics.Verdicts), BatchSize, timeouts);
        Assert.Equal(timeouts, OutputTopics.Sum(t => metrics.Sum(StreamingMetrics.ProduceTimeouts, "topic", t)));
        Assert.InRange(metrics.Sum(StreamingMetrics.ProduceRetries, "topic", Topics.Verdicts), BatchSize, retries);
        Assert.Equal(retries, OutputTopics.Sum(t => metrics.Sum(StreamingMetrics.ProduceRetries, "topic", t)));
    }
}
