using Confluent.Kafka;

namespace Moderation.Streaming.Configuration;

/// <summary>Builds Confluent.Kafka client configurations from the options: our defaults first (every client:
/// <c>reconnect.backoff.max.ms</c> <see cref="ReconnectBackoffMaxMs"/>, <c>socket.nagle.disable</c> true), then the
/// passthrough settings, then the properties the delivery guarantees depend on, which cannot be overridden.</summary>
internal static class KafkaClientConfigs
{
    /// <summary>
    /// Default <c>reconnect.backoff.max.ms</c>: 1000 ms, the Kafka Java client's default, instead of librdkafka's 10000 ms,
    /// so that clients reconnect within about a second of a broker coming back (output resumes promptly after an outage).
    /// </summary>
    internal const int ReconnectBackoffMaxMs = 1_000;

    /// <summary>
    /// Default <c>fetch.wait.max.ms</c> of the worker's consumer: 10 ms instead of 500 ms. A real broker answers a fetch as
    /// soon as data arrives, so this only bounds how often an idle consumer asks (≤ 100 fetches/s per broker); librdkafka's
    /// mock broker instead holds every empty fetch for the full wait even when data arrives meanwhile (2.0.2, and 2.16:
    /// <c>rdkafka_mock_handlers.c</c>, Fetch, "If there was no data, delay up to MaxWait"), which with 500 ms put a
    /// post-to-verdict latency of about 450 ms on the embedded broker at half load.
    /// </summary>
    internal const int WorkerFetchWaitMaxMs = 10;

    /// <summary>
    /// Default <c>linger.ms</c> of the worker's output producer: 1 ms instead of 5 ms. The worker enqueues a whole batch's
    /// outputs at once, so a longer linger adds latency without making the produce requests larger.
    /// </summary>
    internal const int OutputLingerMs = 1;

    /// <summary>The worker's consumer: group member, auto-commit of explicitly stored offsets only.</summary>
    public static ConsumerConfig Worker(KafkaOptions options)
    {
        var config = new ConsumerConfig
        {
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = WorkerFetchWaitMaxMs,
        };
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
    public static ProducerConfig Producer(KafkaOptions options, int messageTimeoutMs) =>
        Idempotent(options, new ProducerConfig { MessageTimeoutMs = messageTimeoutMs });

    /// <summary>The worker's output producer: <see cref="Producer"/> with <c>linger.ms</c> defaulting to <see cref="OutputLingerMs"/>.</summary>
    public static ProducerConfig Output(KafkaOptions options, int messageTimeoutMs) =>
        Idempotent(options, new ProducerConfig { MessageTimeoutMs = messageTimeoutMs, LingerMs = OutputLingerMs });

    /// <summary>The defaults, then the configured settings, then the delivery guarantees no setting may weaken.</summary>
    private static ProducerConfig Idempotent(KafkaOptions options, ProducerConfig config)
    {
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
        config.SocketNagleDisable = true; // request/response traffic: never wait for Nagle + delayed ACK (up to 40 ms on Linux)
        foreach (var (key, value) in common.Concat(specific))
        {
            config.Set(key, value);
        }
    }
}
