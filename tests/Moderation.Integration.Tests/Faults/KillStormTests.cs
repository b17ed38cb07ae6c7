using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests.Faults;

/// <summary>
/// kill -9 of the real <c>moderation serve</c> process at seeded random points of a stream, restarting it each time:
/// every post still ends with a verdict or a dead letter, and the work done twice is bounded by the batches in flight.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class KillStormTests(ModelFixture model, ITestOutputHelper output)
{
    /// <summary>Set to 1 for a quick run (5 kills over 3,000 posts, about 35 s) while iterating; by default the full run,
    /// 20 kills over 10,000 posts, takes about 2 minutes on 2 cores (each restart waits out the mock broker's group join).</summary>
    public const string QuickRunVariable = "MODERATION_FAULTS_QUICK";

    private const int Partitions = 4;
    private const int Seed = 20_251_121;

    // The serve process's defaults (Batching:MaxBatchesInFlight, Batching:MaxBatchSize): a kill can redo at most the
    // batches whose outputs were produced before their offsets were committed.
    private static readonly int MaxBatchesInFlight = new BatchingOptions().MaxBatchesInFlight;
    private static readonly int MaxBatchSize = new BatchingOptions().MaxBatchSize;
    private static readonly TimeSpan ProgressBound = TimeSpan.FromSeconds(60);

    /// <summary>Rejoin quickly: the mock broker lets a replacement in once the killed member's session expired.</summary>
    private static readonly Dictionary<string, string> ServeEnvironment = new()
    {
        ["MODERATION_Kafka__ConsumerSettings__session.timeout.ms"] = "3000",
        ["MODERATION_Kafka__ConsumerSettings__heartbeat.interval.ms"] = "500",
    };

    [Fact]
    public async Task Serve_killed_at_random_points_of_the_stream_and_restarted_loses_no_post_and_redoes_a_bounded_amount_of_work()
    {
        var (kills, count) = Environment.GetEnvironmentVariable(QuickRunVariable) == "1" ? (5, 3_000) : (20, 10_000);
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        using var broker = new EmbeddedBroker();
        foreach (var topic in new[] { Topics.Posts, Topics.Verdicts, Topics.Flags, Topics.DeadLetter })
            broker.CreateTopic(topic, Partitions);
        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        var posts = PostSamples.Create("ks", count, malformedEvery: 50);
        Assert.True(posts.Sum(p => p.Image.Length + 256L) < Partitions * 4_000_000L, "the mock broker keeps at most 5 MB per partition");
        var chunks = posts.Chunk((count + kills) / (kills + 1)).ToList(); // one chunk of the stream per incarnation
        using var tail = new OutcomeTail(broker.BootstrapServers, Partitions);
        using var publisher = new PostPublisher(kafka, TimeProvider.System);

        ServeProcess? serve = null;
        try
        {
            for (var k = 0; ; k++)
            {
                if (k < chunks.Count)
                    await publisher.PublishManyAsync(chunks[k]);
                serve = ServeProcess.Start(broker.BootstrapServers, model.Folder, output, ServeEnvironment);
                if (k == kills)
                    break;

                // Kill at a seeded random point of this incarnation's backlog, from the tail's thread the moment that
                // many outcomes were seen (a backlog drains in well under a second): mid-batch, mid-produce or mid-commit.
                var before = tail.Records;
                var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var incarnation = serve;
                tail.Trigger(before + 1 + random.Next(chunks[Math.Min(k, chunks.Count - 1)].Length), () =>
                {
                    incarnation.Kill();
                    killed.TrySetResult();
                });
                Assert.True(await killed.Task.WaitAsync(ProgressBound).ContinueWith(t => t.IsCompletedSuccessfully), $"incarnation {k + 1} made too little progress");
                output.WriteLine($"kill {k + 1}/{kills}: {tail.Records - before} outcomes from this incarnation, {tail.DistinctPosts} " +
                    $"of {chunks.Take(k + 1).Sum(c => c.Length)} published posts handled, {clock.Elapsed.TotalSeconds:F1} s");
                serve.Dispose();
                serve = null;
            }

            Assert.True(await tail.WaitAsync(t => t.DistinctPosts >= count, TimeSpan.FromSeconds(120)),
                $"only {tail.DistinctPosts} of {count} posts have an outcome after the last restart");
        }
        finally
        {
            serve?.Dispose();
        }

        var results = await new VerdictReader(kafka, TimeProvider.System, NullLogger<VerdictReader>.Instance).ReadAsync(count, TimeSpan.FromSeconds(60));
        var handled = results.Verdicts.Select(v => v.PostId).Concat(results.DeadLetters.Select(d => d.PostId)).ToHashSet();
        var missing = posts.Select(p => p.Id).Where(id => !handled.Contains(id)).ToList();
        var duplicates = results.Verdicts.Count + results.DeadLetters.Count - handled.Count;
        var bound = kills * MaxBatchesInFlight * MaxBatchSize;
        output.WriteLine($"{kills} kills over {count} posts in {clock.Elapsed.TotalSeconds:F0} s: {missing.Count} lost, " +
            $"{duplicates} duplicate outcomes ({results.Verdicts.Count} verdicts, {results.DeadLetters.Count} dead letters; bound {bound})");

        Assert.True(missing.Count == 0, $"{missing.Count} posts lost, e.g. {string.Join(", ", missing.Take(5))}");
        var malformed = posts.Where(p => p.Headers![PostHeaders.Source] == "malformed").Select(p => p.Id).ToHashSet();
        Assert.Equal(malformed.Order(), results.DeadLetters.Select(d => d.PostId).Distinct().Order());
        Assert.All(results.DeadLetters, d => Assert.Equal(DeadLetterReasons.Corrupt, d.Reason));
        Assert.InRange(duplicates, 0, bound);
        foreach (var repeated in results.Verdicts.GroupBy(v => v.PostId).Where(g => g.Count() > 1))
        {
            // a duplicate is the same post scored again: same source position, same score (batch composition may differ)
            Assert.Single(repeated.Select(v => (v.SourcePartition, v.SourceOffset)).Distinct());
            var scores = repeated.Select(v => v.Scores["abnormal"]).ToList();
            Assert.True(scores.Max() - scores.Min() < 1e-4, $"{repeated.Key} scored {string.Join(", ", scores)}");
        }
    }
}
