using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Reading;

namespace Moderation.Streaming.Tests.Support;

/// <summary>What a consumer group left behind, read back from the broker.</summary>
internal static class GroupOffsets
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The offsets committed by <paramref name="groupId"/> (−1001 where none), from the group coordinator.</summary>
    public static Dictionary<int, long> Committed(EmbeddedBroker broker, string groupId, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            GroupId = groupId,
        }).Build();
        return consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), Timeout)
            .ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
    }

    /// <summary>A reader of the output topics of the embedded broker with the default topic names.</summary>
    public static VerdictReader Reader(EmbeddedBroker broker) =>
        new(Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers }), TimeProvider.System);
}
