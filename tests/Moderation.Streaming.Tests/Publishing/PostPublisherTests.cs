using System.Text;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Streaming.Tests.Support;

namespace Moderation.Streaming.Tests.Publishing;

public sealed class PostPublisherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Post_is_written_with_id_key_image_value_and_contract_headers_in_order()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_123_456));
        using var publisher = new PostPublisher(Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers }), clock);
        var post = new Post("p-1", [0x89, 0x50, 0x4E, 0x47])
        {
            ContentType = "image/png",
            UserId = "u-42",
            Headers = new Dictionary<string, string> { [PostHeaders.Source] = "synthetic", ["trace-id"] = "abc" },
        };

        var delivery = await publisher.PublishAsync(post);
        var record = Assert.Single(await RawTopic.ReadAsync(broker, Topics.Posts, 1, Timeout));

        Assert.Equal(new PostDelivery("p-1", 0, 0, 1_700_000_123_456), delivery);
        Assert.Equal("p-1", Encoding.UTF8.GetString(record.Message.Key!));
        Assert.Equal(post.Image, record.Message.Value);
        Assert.Equal(
            [
                (PostHeaders.ContentType, "image/png"), (PostHeaders.UserId, "u-42"), (PostHeaders.PostedAt, "1700000123456"),
                (PostHeaders.Source, "synthetic"), ("trace-id", "abc"),
            ],
            record.Message.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))));
    }

    [Fact]
    public async Task Headers_left_null_are_omitted()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        using var publisher = new PostPublisher(Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers }), TimeProvider.System);

        await publisher.PublishAsync(new Post("bare", [1, 2, 3]));
        var record = Assert.Single(await RawTopic.ReadAsync(broker, Topics.Posts, 1, Timeout));

        Assert.Equal([PostHeaders.PostedAt], record.Message.Headers.Select(h => h.Key));
    }

    [Fact]
    public async Task Bulk_publish_returns_one_delivery_per_post_in_input_order_with_gapless_offsets_per_partition()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 3);
        using var publisher = new PostPublisher(Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers }), TimeProvider.System);
        var posts = Enumerable.Range(0, 300).Select(TestPosts.Valid).ToList();

        var deliveries = await publisher.PublishManyAsync(posts, maxInFlight: 16);

        Assert.Equal(posts.Select(p => p.Id), deliveries.Select(d => d.PostId));
        Assert.Equal(3, deliveries.Select(d => d.Partition).Distinct().Count());
        foreach (var partition in deliveries.GroupBy(d => d.Partition))
        {
            Assert.Equal(Enumerable.Range(0, partition.Count()).Select(i => (long)i), partition.Select(d => d.Offset).Order());
        }

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => publisher.PublishManyAsync(posts, maxInFlight: 0));
    }
}
