using Confluent.Kafka;

namespace Moderation.Streaming.Configuration;

/// <summary>Builds Confluent.Kafka client configurations from the options: our defaults first, then the passthrough
/// settings, then the properties the delivery guarantees depend on, which cannot be overridden.</summary>
internal static class KafkaClientConfigs
{
    /// <summary>
    /// Default <c>reconnect.backoff.max.ms</c>: 1000 ms, the Kafka Java client's default, instead of librdkafka's 10000 ms,
    /// so that clients reconnect within about a second of a broker coming back (output resumes promptly after an outage).
    /// </summary>
    internal const int ReconnectBackoffMaxMs = 1_000;

    /// <summary>The worker's consumer: group member, auto-commit of explicitly stored offsets only.</summary>
    public static ConsumerConfig Worker(KafkaOptions options)
    {
        var config = new ConsumerConfig { AutoOffsetReset = AutoOffsetReset.Earliest };
        Apply(config, options.Settings, options.ConsumerSettings);
        config.BootstrapServers = options.BootstrapServers;
        config.GroupId = options.GroupId;
        config.EnableAutoCommit = true;
        config.EnableAutoOffsetStore = false; // offsets are stored only once a batch's outputs are acknowledged
        config.EnablePartitionEof = false;
        return config;
    }

    /// <summary>A group member that commits every offset itself, synchronously (no auto-commit, no offset store).</summary>
    public static ConsumerConfig ManualCommit(KafkaOptions options)
    {
        var config = Worker(options);
        config.EnableAutoCommit = false;
        return config;
    }

    /// <summary>A reader that assigns partitions itself and never commits.</summary>
    public static ConsumerConfig Reader(KafkaOptions options)
    {
        var config = new ConsumerConfig();
        Apply(config, options.Settings, options.ConsumerSettings);
        config.BootstrapServers = options.BootstrapServers;
        config.GroupId = $"moderation-reader-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        config.EnablePartitionEof = true;
        return config;
    }

    /// <summary>An idempotent producer acknowledged by all in-sync replicas.</summary>
    public static ProducerConfig Producer(KafkaOptions options, int messageTimeoutMs)
    {
        var config = new ProducerConfig { MessageTimeoutMs = messageTimeoutMs };
        Apply(config, options.Settings, options.ProducerSettings);
        config.BootstrapServers = options.BootstrapServers;
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        return config;
    }

    /// <summary>An admin client for metadata queries.</summary>
    public static AdminClientConfig Admin(KafkaOptions options)
    {
        var config = new AdminClientConfig();
        Apply(config, options.Settings, []);
        config.BootstrapServers = options.BootstrapServers;
        return config;
    }

    private static void Apply(ClientConfig config, Dictionary<string, string> common, Dictionary<string, string> specific)
    {
        config.ReconnectBackoffMaxMs = ReconnectBackoffMaxMs;
        foreach (var (key, value) in common.Concat(specific))
        {
            config.Set(key, value);
        }
    }
}
