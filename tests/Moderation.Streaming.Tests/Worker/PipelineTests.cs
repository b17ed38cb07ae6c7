using Microsoft.Extensions.DependencyInjection;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

/// <summary>The worker's pipeline: decoding overlaps scoring, and batches close early when the scorer is idle.</summary>
public sealed class PipelineTests(ITestOutputHelper output)
{
    private const int BatchSize = 8;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Next_batch_is_decoded_while_the_scorer_still_holds_the_previous_one_and_every_post_gets_a_verdict()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        using var scorer = new GatedScorer();
        await using var host = await WorkerHost.StartAsync(broker, scorer, output, new Dictionary<string, string?>
        {
            ["Batching:MaxBatchSize"] = $"{BatchSize}",
        });
        var preprocessor = (RawPixelPreprocessor)host.Host.Services.GetRequiredService<IImagePreprocessor>();
        var posts = Enumerable.Range(0, 5 * BatchSize).Select(TestPosts.Valid).ToList();
        await host.Publisher.PublishManyAsync(posts);

        var held = await scorer.Entered.WaitAsync(Bound);
        var decoded = await Eventually.ReadAsync(() => Task.FromResult(preprocessor.Calls), calls => calls > held, Bound);
        scorer.Open();
        var results = await host.Reader.ReadAsync(posts.Count, Bound);

        output.WriteLine($"held batch {held} posts; decoded meanwhile: {decoded - held}");
        Assert.True(decoded > held, $"only the {held} posts at the scorer were decoded");
        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Equal(posts.Select(p => p.Id).Order(), results.Verdicts.Select(v => v.PostId).Order());
    }

    [Fact]
    public async Task Lone_post_is_scored_as_soon_as_the_scorer_is_idle_not_after_the_batch_delay()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output, new Dictionary<string, string?>
        {
            ["Batching:MaxBatchSize"] = "64",
            ["Batching:MaxBatchDelayMs"] = "60000", // far beyond the read bound: only closing on an idle scorer can answer in time
        });

        await host.Publisher.PublishAsync(TestPosts.Valid(1));
        var results = await host.Reader.ReadAsync(1, Bound);

        Assert.True(results.Complete, "the lone post waited for the batch to fill or for the 60 s batch delay");
        Assert.Equal(TestPosts.Id(1), Assert.Single(results.Verdicts).PostId);
    }
}
