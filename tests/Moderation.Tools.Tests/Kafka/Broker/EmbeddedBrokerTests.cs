using System.Diagnostics;
using System.Net.Sockets;
using Confluent.Kafka;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Tools.Tests.Kafka.Broker;

public sealed class EmbeddedBrokerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Created_topic_has_the_requested_partitions_and_serves_produce_and_fetch_over_loopback()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic("three", 3);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();

        Assert.StartsWith("127.0.0.1:", broker.BootstrapServers, StringComparison.Ordinal);
        Assert.Equal(3, admin.GetMetadata("three", Timeout).Topics.Single().Partitions.Count);
        for (var p = 0; p < 3; p++)
        {
            var result = await producer.ProduceAsync(new TopicPartition("three", p), new Message<string, string> { Key = $"k{p}", Value = $"v{p}" });
            Assert.Equal(0, result.Offset.Value);
        }

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "unused" }).Build();
        consumer.Assign(Enumerable.Range(0, 3).Select(p => new TopicPartitionOffset("three", p, Offset.Beginning)));
        var values = new List<string>();
        var started = Stopwatch.GetTimestamp();
        while (values.Count < 3 && Stopwatch.GetElapsedTime(started) < Timeout)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record)
            {
                values.Add($"{record.Partition.Value}:{record.Message.Key}={record.Message.Value}");
            }
        }

        Assert.Equal(["0:k0=v0", "1:k1=v1", "2:k2=v2"], values.Order());
    }

    [Fact]
    public void Topic_first_named_in_a_metadata_request_is_auto_created_with_the_default_partition_count()
    {
        using var broker = new EmbeddedBroker();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        Assert.DoesNotContain(admin.GetMetadata(Timeout).Topics, t => t.Topic == "auto");
        var created = admin.GetMetadata("auto", Timeout).Topics.Single();

        Assert.Equal(ErrorCode.NoError, created.Error.Code);
        Assert.Equal(EmbeddedBroker.AutoCreatedTopicPartitions, created.Partitions.Count);
    }

    [Fact]
    public void A_consumer_subscribing_to_a_missing_topic_does_not_create_it()
    {
        using var broker = new EmbeddedBroker();
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "absent" }).Build();
        consumer.Subscribe("absent");
        var errors = new List<ErrorCode>();
        var until = DateTime.UtcNow.AddSeconds(2);
        while (DateTime.UtcNow < until)
        {
            try
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException e)
            {
                errors.Add(e.Error.Code);
            }
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        Assert.DoesNotContain(admin.GetMetadata(Timeout).Topics, t => t.Topic == "absent"); // all-topics request: creates nothing
        Assert.Contains(ErrorCode.UnknownTopicOrPart, errors);
        consumer.Close();
    }

    [Fact]
    public void Creating_an_existing_topic_fails_with_topic_already_exists()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic("once", 2);

        var error = Assert.Throws<KafkaException>(() => broker.CreateTopic("once", 2));

        Assert.Equal(ErrorCode.TopicAlreadyExists, error.Error.Code);
    }

    [Fact]
    public void Cluster_of_three_brokers_lists_three_bootstrap_servers_and_replicates_to_at_most_three()
    {
        using var broker = new EmbeddedBroker(brokerCount: 3);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        broker.CreateTopic("replicated", 2, replicationFactor: 3);

        Assert.Equal(3, broker.BootstrapServers.Split(',').Length);
        var metadata = admin.GetMetadata("replicated", Timeout);
        Assert.Equal(3, metadata.Brokers.Count);
        Assert.All(metadata.Topics.Single().Partitions, p => Assert.Equal(3, p.Replicas.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => broker.CreateTopic("too-many-replicas", 1, replicationFactor: 4));
    }

    [Fact]
    public async Task Injected_request_error_fails_the_next_produce_with_that_error()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic("faulty", 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            MessageSendMaxRetries = 0,
        }).Build();
        await producer.ProduceAsync("faulty", new Message<Null, string> { Value = "warm-up" });

        broker.FailNextRequests(KafkaApiKey.Produce, ErrorCode.MsgSizeTooLarge);
        var error = await Assert.ThrowsAsync<ProduceException<Null, string>>(
            () => producer.ProduceAsync("faulty", new Message<Null, string> { Value = "refused" }));
        var accepted = await producer.ProduceAsync("faulty", new Message<Null, string> { Value = "accepted" });

        Assert.Equal(ErrorCode.MsgSizeTooLarge, error.Error.Code);
        Assert.Equal(1, accepted.Offset.Value);
    }

    [Fact]
    public void Dispose_closes_the_listeners_and_later_calls_throw_object_disposed()
    {
        var broker = new EmbeddedBroker();
        var port = int.Parse(broker.BootstrapServers.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        using (var client = new TcpClient())
        {
            client.Connect("127.0.0.1", port);
        }

        broker.Dispose();
        broker.Dispose();

        using var refused = new TcpClient();
        Assert.Throws<SocketException>(() => refused.Connect("127.0.0.1", port));
        Assert.Throws<ObjectDisposedException>(() => broker.CreateTopic("late", 1));
    }

    [Fact]
    public void Broker_taken_down_refuses_connections_until_it_is_up_again()
    {
        using var broker = new EmbeddedBroker();
        var port = int.Parse(broker.BootstrapServers.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        broker.SetBrokerDown(1);
        using var refused = new TcpClient();
        Assert.Throws<SocketException>(() => refused.Connect("127.0.0.1", port));
        broker.SetBrokerUp(1);
        using var accepted = new TcpClient();
        accepted.Connect("127.0.0.1", port);

        Assert.Equal(ErrorCode.BrokerNotAvailable, Assert.Throws<KafkaException>(() => broker.SetBrokerDown(7)).Error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Broker_count_outside_one_to_sixteen_is_rejected(int brokers) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedBroker(brokers));
}
