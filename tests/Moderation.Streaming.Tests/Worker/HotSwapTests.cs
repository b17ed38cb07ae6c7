using Moderation.Core.Contracts;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Streaming.Health;
using Moderation.Streaming.Tests.Support;
using Moderation.Tools.Kafka.Broker;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

/// <summary>A model swap while a batch is inside the old scorer: that batch keeps the old model (its verdicts name it),
/// every later batch gets the new one, and the old scorer is disposed only after the batch finished with it.</summary>
public sealed class HotSwapTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_swap_lands_between_batches_and_the_old_scorer_outlives_its_last_batch()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var gated = new GatedScorer();
        var old = new DisposalTracker(gated);
        var slot = new ScoringModelSlot(new ScoringModel(old, "old@000000000001", Thresholds(0.5)));
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output, models: slot);
        var posts = Enumerable.Range(0, 120).Select(TestPosts.Valid).ToList();
        await host.Publisher.PublishManyAsync(posts, maxInFlight: 50);

        var held = await gated.Entered.WaitAsync(TimeSpan.FromSeconds(15)); // the first batch waits inside the old scorer
        slot.Swap(new ScoringModel(new MeanScorer(), "new@000000000002", Thresholds(0.9)));
        Assert.False(old.Disposed, "the old scorer was disposed while a batch was inside it");
        gated.Open();
        var results = await host.Reader.ReadAsync(posts.Count, TimeSpan.FromSeconds(20));

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        var byVersion = results.Verdicts.GroupBy(v => v.ModelVersion).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["new@000000000002", "old@000000000001"], byVersion.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(held, byVersion["old@000000000001"].Count); // exactly the held batch
        Assert.All(byVersion["old@000000000001"], v => Assert.Equal(0.5, v.Thresholds[MeanScorer.ScoreName]));
        Assert.All(byVersion["new@000000000002"], v => Assert.Equal(0.9, v.Thresholds[MeanScorer.ScoreName]));
        Assert.All(byVersion["new@000000000002"], v => Assert.Equal(v.Scores[MeanScorer.ScoreName] > 0.9, v.Flagged));
        Assert.Equal(posts.Count, results.Verdicts.Count);
        Assert.True(old.Disposed, "the old scorer was not disposed after its last batch");
        Assert.Equal("new@000000000002", host.Host.Services.GetRequiredService<StreamingHealth>().ModelVersion);
    }

    private static ScoreThreshold[] Thresholds(double value) =>
        [new ScoreThreshold { Reason = MeanScorer.ScoreName, Output = "logit", Value = value, TargetFpr = 0.01 }];

    /// <summary>Records whether <see cref="Dispose"/> was called.</summary>
    private sealed class DisposalTracker(IBatchScorer inner) : IBatchScorer
    {
        private int _disposed;

        public bool Disposed => Volatile.Read(ref _disposed) != 0;

        public IReadOnlyList<string> ScoreNames => inner.ScoreNames;

        public IReadOnlyList<int> ImageShape => inner.ImageShape;

        public float[] Score(ReadOnlySpan<float> images, int count)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            return inner.Score(images, count);
        }

        public void Dispose()
        {
            Volatile.Write(ref _disposed, 1);
            inner.Dispose();
        }
    }
}
