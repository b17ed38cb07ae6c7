using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Review.Tests.Support;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Review.Tests.Ingest;

/// <summary>moderation.flags → store → moderation.decisions through the embedded broker, on SQLite and PostgreSQL.</summary>
public sealed class FlagsIngestTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Flags_are_stored_once_offsets_committed_after_the_rows_and_a_restart_loses_nothing(string provider)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Flags, partitions: 2);
        var database = provider == "sqlite" ? ReviewHost.TempSqlite() : await postgres.CreateDatabaseAsync();
        using var producer = new FlagRecordProducer(broker.BootstrapServers);
        for (var i = 0; i < 6; i++)
        {
            await producer.PublishAsync(Verdicts.Flag($"post-{i}", i), FashionImages.Png(i));
        }

        await producer.PublishAsync(Verdicts.Flag("post-3", 3), FashionImages.Png(3)); // the worker's at-least-once redelivery
        await using (var host = await ReviewHost.StartAsync(broker.BootstrapServers, database))
        {
            await Queue.WaitForAsync(host, 6, deadline.Token);
            while (Committed(broker).Values.Sum() < 7) // every record's offset, the duplicate's included
            {
                await Task.Delay(100, deadline.Token);
            }

            using var dismissed = await host.Api.PostAsJsonAsync("/review/api/decisions", new { postId = "post-2", decision = "dismiss", note = "a trouser" }, deadline.Token);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, dismissed.StatusCode);
        }

        await producer.PublishAsync(Verdicts.Flag("post-6", 6), FashionImages.Png(6)); // while the review side is down
        await using (var restarted = await ReviewHost.StartAsync(broker.BootstrapServers, database))
        {
            var queue = await Queue.WaitForAsync(restarted, 7, deadline.Token);
            var posts = queue.GetProperty("posts").EnumerateArray().ToList();
            Assert.Equal(7, posts.Count);
            Assert.Equal(Enumerable.Range(0, 7).Select(i => $"post-{i}").Order(), posts.Select(p => p.GetProperty("postId").GetString()).Order());
            var decided = posts.Single(p => p.GetProperty("postId").GetString() == "post-2");
            Assert.Equal(("dismiss", Credentials.TokenName, "a trouser"),
                (decided.GetProperty("decision").GetString(), decided.GetProperty("reviewer").GetString(), decided.GetProperty("note").GetString()));
            Assert.Equal(FashionImages.Png(5), await restarted.Api.GetByteArrayAsync("/review/api/image?post=post-5", deadline.Token));
        }

        // the decision went out exactly as stored
        var record = await ReadOneAsync(broker, Topics.Decisions, deadline.Token);
        Assert.Equal("post-2", Encoding.UTF8.GetString(record.Message.Key));
        var decision = JsonSerializer.Deserialize<DecisionRecord>(record.Message.Value)!;
        Assert.Equal(("post-2", "dismiss", Credentials.TokenName, "a trouser"), (decision.PostId, decision.Decision, decision.Reviewer, decision.Note));
        var verdict = Verdicts.Flag("post-2", 2);
        Assert.Equal(verdict.ModelVersion, decision.ModelVersion);
        Assert.Equal(verdict.Scores, decision.Scores);
        Assert.Equal(verdict.Thresholds, decision.Thresholds);
        Assert.Equal(verdict.Reasons, decision.Reasons);
        Assert.InRange(decision.DecidedAtMs, DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private static Dictionary<int, long> Committed(EmbeddedBroker broker)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "moderation-review" }).Build();
        return consumer.Committed([new TopicPartition(Topics.Flags, 0), new TopicPartition(Topics.Flags, 1)], TimeSpan.FromSeconds(10))
            .ToDictionary(c => c.Partition.Value, c => Math.Max(0, c.Offset.Value));
    }

    private static Task<ConsumeResult<byte[], byte[]>> ReadOneAsync(EmbeddedBroker broker, string topic, CancellationToken cancellationToken) => Task.Run(() =>
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers, GroupId = $"test-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        return consumer.Consume(cancellationToken);
    }, cancellationToken);
}
