using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Core.Models;
using Moderation.Tools.Kafka.Baseline;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Streaming.Tests.Support;
using Moderation.Streaming.Worker;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Baseline;

public sealed class NaiveModerationConsumerTests(ITestOutputHelper output)
{
    private const string GroupId = "naive-baseline";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Naive_consumer_processes_n_posts_one_by_one_into_n_outcomes_and_commits_each_offset()
    {
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new XunitLoggerProvider(output)));
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var options = Options.Create(new KafkaOptions
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = GroupId,
            ConsumerSettings = { ["fetch.wait.max.ms"] = "50" },
            ProducerSettings = { ["linger.ms"] = "2" },
        });
        var scorer = new MeanScorer();
        var consumer = new NaiveModerationConsumer(options, new RawPixelPreprocessor(), scorer,
            new ModelDescriptor(WorkerHost.ModelVersion,
                [new ScoreThreshold { Reason = MeanScorer.ScoreName, Output = "logit", Value = WorkerHost.Threshold, TargetFpr = 0.01 }]),
            TimeProvider.System, loggers.CreateLogger<NaiveModerationConsumer>());
        var posts = Enumerable.Range(0, 30).Select(TestPosts.Valid).Append(TestPosts.Valid(30) with { Image = [1, 2, 3] }).ToList();
        using var publisher = new PostPublisher(options, TimeProvider.System);
        var deliveries = (await publisher.PublishManyAsync(posts)).ToDictionary(d => d.PostId);

        var processed = await consumer.RunAsync(posts.Count, Bound, CancellationToken.None);
        var results = await GroupOffsets.Reader(broker).ReadAsync(posts.Count, Bound);
        var flags = await GroupOffsets.Reader(broker).ReadFlagsAsync(results.Verdicts.Count(v => v.Flagged), Bound);
        var committed = GroupOffsets.Committed(broker, GroupId, Topics.Posts, 2);

        Assert.Equal(posts.Count, processed);
        Assert.Equal(posts.Count - 1, scorer.Calls); // one image per call; the corrupt post never reaches the scorer
        Assert.Equal(posts.Count - 1, scorer.ImagesScored);
        Assert.Equal(posts.Count - 1, results.Verdicts.Count);
        foreach (var verdict in results.Verdicts)
        {
            var post = posts.Single(p => p.Id == verdict.PostId);
            Assert.Equal(MeanScorer.Expected(post.Image), verdict.Scores[MeanScorer.ScoreName], 5);
            Assert.Equal(verdict.Scores[MeanScorer.ScoreName] > WorkerHost.Threshold, verdict.Flagged);
            Assert.Equal((deliveries[post.Id].Partition, deliveries[post.Id].Offset), (verdict.SourcePartition, verdict.SourceOffset));
            Assert.Equal(WorkerHost.ModelVersion, verdict.ModelVersion);
        }

        var deadLetter = Assert.Single(results.DeadLetters);
        Assert.Equal((TestPosts.Id(30), DeadLetterReasons.Corrupt), (deadLetter.PostId, deadLetter.Reason));
        Assert.Equal(results.Verdicts.Where(v => v.Flagged).Select(v => v.PostId).Order(), flags.Select(f => f.PostId).Order());
        foreach (var (partition, count) in deliveries.Values.GroupBy(d => d.Partition).Select(g => (g.Key, g.Count())))
        {
            Assert.Equal(count, committed[partition]);
        }
    }
}
