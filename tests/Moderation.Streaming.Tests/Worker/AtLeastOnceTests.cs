using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Reading;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class AtLeastOnceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Worker_stopped_mid_stream_and_replaced_in_the_same_group_leaves_no_post_without_a_verdict()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 4);
        var settings = new Dictionary<string, string?> { ["Batching:MaxBatchSize"] = "8" };
        var slowScorer = new MeanScorer { DelayPerCall = TimeSpan.FromMilliseconds(150) };
        var posts = Enumerable.Range(0, 200).Select(TestPosts.Valid).ToList();

        var first = await WorkerHost.StartAsync(broker, slowScorer, output, settings);
        await first.Publisher.PublishManyAsync(posts);
        var early = await first.Reader.ReadAsync(40, ReadTimeout);
        await first.DisposeAsync();
        var afterFirst = await ReadToEndAsync(broker);

        await using var second = await WorkerHost.StartAsync(broker, new MeanScorer(), output, settings);
        var results = await second.Reader.ReadAsync(posts.Count, ReadTimeout);

        Assert.True(early.Complete);
        Assert.InRange(afterFirst.DistinctPostIds, 40, posts.Count - 1); // really stopped mid-stream
        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have a verdict");
        Assert.Empty(results.DeadLetters);
        Assert.Equal(posts.Select(p => p.Id).Order(), results.Verdicts.Select(v => v.PostId).Distinct().Order());
        var duplicates = results.Verdicts.Count - posts.Count;
        output.WriteLine($"first worker: {afterFirst.Verdicts.Count} verdicts; duplicates after the hand-over: {duplicates}");
        foreach (var repeated in results.Verdicts.GroupBy(v => v.PostId).Where(g => g.Count() > 1))
        {
            // a duplicate is the same post scored again: same source position, same score
            Assert.Single(repeated.Select(v => (v.SourcePartition, v.SourceOffset, v.Scores[MeanScorer.ScoreName])).Distinct());
        }
    }

    /// <summary>Everything in the output topics now: expecting no particular count, the read ends at the partitions' ends.</summary>
    private static Task<ModerationResults> ReadToEndAsync(EmbeddedBroker broker) =>
        new VerdictReader(Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers }), TimeProvider.System)
            .ReadAsync(expectedPosts: 0, ReadTimeout);
}
