using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class ScoringResilienceTests(ITestOutputHelper output)
{
    private const string ErrorType = "error.type";
    private const string State = "state";
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Scorer_failing_six_times_then_recovering_opens_the_breaker_pauses_and_loses_no_post()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var scorer = new MeanScorer { FailFirst = 6 };
        await using var host = await WorkerHost.StartAsync(broker, scorer, output, new Dictionary<string, string?>
        {
            ["Resilience:ScoringMaxRetries"] = "3",
            ["Resilience:BreakerMinimumThroughput"] = "2",
            ["Resilience:BreakerFailureRatio"] = "0.5",
            ["Resilience:BreakerBreakDurationMs"] = "500",
        });
        using var metrics = new MetricsRecorder(host.Host);
        var posts = Enumerable.Range(0, 80).Select(TestPosts.Valid).ToList();

        await host.Publisher.PublishManyAsync(posts);
        var results = await host.Reader.ReadAsync(posts.Count, ReadTimeout);
        await host.StopAsync(); // the outputs are readable before the worker counted their acknowledgements

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Empty(results.DeadLetters);
        Assert.Equal(posts.Select(p => p.Id).Order(), results.Verdicts.Select(v => v.PostId).Order());
        Assert.True(scorer.Calls > 6, $"{scorer.Calls} scoring calls");
        Assert.Equal(posts.Count, scorer.ImagesScored);
        Assert.Equal(1, metrics.Sum(StreamingMetrics.ScoringPauses));
        // every failed call is retried once: the retry after call 2 (which opened the breaker) and after each failed
        // half-open trial (calls 3–6) meets the open breaker and pauses; call 7, the fifth trial, closes it
        Assert.Equal(6, metrics.Sum(StreamingMetrics.ScoringRetries, ErrorType, typeof(InvalidOperationException).FullName!));
        Assert.Equal((5, 5, 1), (metrics.Sum(StreamingMetrics.BreakerTransitions, State, "open"),
            metrics.Sum(StreamingMetrics.BreakerTransitions, State, "half_open"), metrics.Sum(StreamingMetrics.BreakerTransitions, State, "closed")));
    }

    [Fact]
    public async Task Scorer_failing_past_its_retries_with_the_breaker_closed_dead_letters_the_batch_as_scoring_failed()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        var scorer = new MeanScorer { FailFirst = int.MaxValue };
        await using var host = await WorkerHost.StartAsync(broker, scorer, output, new Dictionary<string, string?>
        {
            ["Resilience:ScoringMaxRetries"] = "2",
            ["Resilience:BreakerMinimumThroughput"] = "1000000",
        });
        using var metrics = new MetricsRecorder(host.Host);
        var posts = Enumerable.Range(0, 20).Select(TestPosts.Valid).Append(TestPosts.Valid(20) with { Image = [1, 2, 3] }).ToList();

        await host.Publisher.PublishManyAsync(posts);
        var results = await host.Reader.ReadAsync(posts.Count, ReadTimeout);
        await host.StopAsync(); // the outputs are readable before the worker counted their acknowledgements

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Empty(results.Verdicts);
        Assert.Equal(posts.Count, results.DeadLetters.Count);
        Assert.Equal(DeadLetterReasons.Corrupt, Assert.Single(results.DeadLetters, d => d.PostId == TestPosts.Id(20)).Reason);
        foreach (var deadLetter in results.DeadLetters.Where(d => d.PostId != TestPosts.Id(20)))
        {
            Assert.Equal(DeadLetterReasons.ScoringFailed, deadLetter.Reason);
            Assert.Contains("Scorer unavailable", deadLetter.Error, StringComparison.Ordinal);
            Assert.Equal(posts.Single(p => p.Id == deadLetter.PostId).Image, deadLetter.Value);
        }

        Assert.Equal(0, scorer.Calls % 3); // every batch: one call and two retries
        Assert.Equal(20, metrics.Sum(StreamingMetrics.DeadLettered, DeadLetterReasons.ScoringFailed));
        Assert.Equal(0, metrics.Sum(StreamingMetrics.ScoringPauses));
        Assert.Equal(scorer.Calls * 2 / 3, metrics.Sum(StreamingMetrics.ScoringRetries, ErrorType, typeof(InvalidOperationException).FullName!));
        Assert.Equal(0, metrics.Sum(StreamingMetrics.BreakerTransitions));
    }
}
