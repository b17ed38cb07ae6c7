using System.Text;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Diagnostics;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class DeadLetterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Malformed_posts_are_dead_lettered_with_reason_and_original_record_and_the_next_post_is_processed()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output);
        using var metrics = new MetricsRecorder(host.Host);
        var truncated = TestPosts.Image(3)[..100];
        var posts = new List<Post>
        {
            TestPosts.Valid(0),
            TestPosts.Valid(1) with { Image = [] },
            TestPosts.Valid(2),
            TestPosts.Valid(3) with { Image = truncated },
            TestPosts.Valid(4),
        };

        var deliveries = (await host.Publisher.PublishManyAsync(posts)).ToDictionary(d => d.PostId);
        var results = await host.Reader.ReadAsync(posts.Count, ReadTimeout);

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Equal([TestPosts.Id(0), TestPosts.Id(2), TestPosts.Id(4)], results.Verdicts.Select(v => v.PostId).Order());
        Assert.Equal(2, results.DeadLetters.Count);
        var empty = Assert.Single(results.DeadLetters, d => d.PostId == TestPosts.Id(1));
        var corrupt = Assert.Single(results.DeadLetters, d => d.PostId == TestPosts.Id(3));
        Assert.Equal(DeadLetterReasons.Empty, empty.Reason);
        Assert.Empty(empty.Value ?? []);
        Assert.Equal(DeadLetterReasons.Corrupt, corrupt.Reason);
        Assert.Equal(truncated, corrupt.Value);
        Assert.Contains("100 bytes", corrupt.Error, StringComparison.Ordinal);
        foreach (var (deadLetter, post) in new[] { (empty, posts[1]), (corrupt, posts[3]) })
        {
            var delivery = deliveries[post.Id];
            Assert.Equal((Topics.Posts, delivery.Partition, delivery.Offset),
                (deadLetter.SourceTopic, deadLetter.SourcePartition, deadLetter.SourceOffset));
            Assert.Equal(post.ContentType, deadLetter.Headers[PostHeaders.ContentType]);
            Assert.Equal(post.UserId, deadLetter.Headers[PostHeaders.UserId]);
            Assert.Equal(post.Headers![PostHeaders.Source], deadLetter.Headers[PostHeaders.Source]);
            Assert.Equal(delivery.PostedAtMs.ToString(System.Globalization.CultureInfo.InvariantCulture), deadLetter.Headers[PostHeaders.PostedAt]);
        }

        Assert.Equal(1, metrics.Sum(StreamingMetrics.DeadLettered, DeadLetterReasons.Empty));
        Assert.Equal(1, metrics.Sum(StreamingMetrics.DeadLettered, DeadLetterReasons.Corrupt));
        Assert.Equal(3, metrics.Sum(StreamingMetrics.VerdictsProduced));
    }

    [Fact]
    public async Task Dead_letter_headers_keep_the_original_headers_in_order_and_append_the_dlq_headers()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output);
        var post = TestPosts.Valid(9) with { Image = Encoding.ASCII.GetBytes("GIF89a not a supported image") };

        await host.Publisher.PublishAsync(post);
        var raw = await RawTopic.ReadAsync(broker, Topics.DeadLetter, 1, ReadTimeout);

        var record = Assert.Single(raw);
        Assert.Equal(post.Id, Encoding.UTF8.GetString(record.Message.Key!));
        Assert.Equal(post.Image, record.Message.Value);
        Assert.Equal(
            [PostHeaders.ContentType, PostHeaders.UserId, PostHeaders.PostedAt, PostHeaders.Source, PostHeaders.DlqReason,
             PostHeaders.DlqError, PostHeaders.DlqSourceTopic, PostHeaders.DlqSourcePartition, PostHeaders.DlqSourceOffset],
            record.Message.Headers.Select(h => h.Key));
        Assert.Equal("0", Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(PostHeaders.DlqSourceOffset)));
    }

    [Fact]
    public async Task Post_too_large_for_the_output_producer_is_dead_lettered_without_its_value_and_the_stream_goes_on()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output, new Dictionary<string, string?>
        {
            ["Kafka:ProducerSettings:message.max.bytes"] = "20000", // the worker's producer: smaller than the post
        });
        var big = TestPosts.Valid(1) with { Image = new byte[50_000] };
        var posts = new[] { TestPosts.Valid(0), big, TestPosts.Valid(2) };
        var publisherOptions = Microsoft.Extensions.Options.Options.Create(new Moderation.Streaming.Configuration.KafkaOptions { BootstrapServers = broker.BootstrapServers });

        using (var publisher = new PostPublisher(publisherOptions, TimeProvider.System))
        {
            await publisher.PublishManyAsync(posts);
        }

        var results = await host.Reader.ReadAsync(posts.Length, ReadTimeout);

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Length} posts have an outcome");
        Assert.Equal([TestPosts.Id(0), TestPosts.Id(2)], results.Verdicts.Select(v => v.PostId).Order());
        var deadLetter = Assert.Single(results.DeadLetters);
        Assert.Equal((big.Id, DeadLetterReasons.Corrupt), (deadLetter.PostId, deadLetter.Reason));
        Assert.Null(deadLetter.Value);
        Assert.Equal("50000", deadLetter.Headers[PostHeaders.DlqValueOmitted]);
        Assert.Equal(big.ContentType, deadLetter.Headers[PostHeaders.ContentType]);
    }
}
