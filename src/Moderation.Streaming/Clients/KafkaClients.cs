using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Interop;

namespace Moderation.Streaming.Clients;

/// <summary>
/// Builds the Confluent.Kafka clients of everything that talks to the moderation topics (the worker, the review side,
/// the tools): configuration from <see cref="KafkaOptions"/> (our defaults, then <see cref="KafkaOptions.Settings"/>
/// and the consumer/producer settings, then the properties the delivery guarantees depend on), librdkafka's log lines
/// routed to an <see cref="ILogger"/> (<see cref="KafkaClientLog"/>), and the redist's librdkafka pinned
/// (<see cref="Librdkafka.Pin"/>) before the client exists. Keys and values are raw bytes (<c>byte[]?</c>: a record may
/// have no key or no value). Callers may add handlers to the returned builder before <c>Build()</c>.
/// </summary>
public static class KafkaClients
{
    /// <summary>
    /// A consumer that assigns partitions itself (<c>Assign</c>/<c>IncrementalAssign</c>), never commits, and reports
    /// partition EOF (<see cref="ConsumeResult{TKey,TValue}.IsPartitionEOF"/>): for reading topics back (the
    /// tools' topic tails). Its <c>group.id</c> is unique (<c>moderation-reader-{guid}</c>) and never joined.
    /// </summary>
    /// <exception cref="DllNotFoundException">The redist's librdkafka does not load (see <see cref="Librdkafka.Pin"/>).</exception>
    public static ConsumerBuilder<byte[]?, byte[]?> Reader(KafkaOptions options, ILogger logger) =>
        Consumer(KafkaClientConfigs.Reader(options), logger);

    /// <summary>
    /// A member of consumer group <see cref="KafkaOptions.GroupId"/> that commits every offset itself, synchronously
    /// (<c>enable.auto.commit=false</c>, <c>enable.auto.offset.store=false</c>), from the earliest offset when the
    /// group has none.
    /// </summary>
    /// <exception cref="DllNotFoundException">The redist's librdkafka does not load.</exception>
    public static ConsumerBuilder<byte[]?, byte[]?> ManualCommitMember(KafkaOptions options, ILogger logger) =>
        Consumer(KafkaClientConfigs.ManualCommit(options), logger);

    /// <summary>An idempotent producer acknowledged by all in-sync replicas (<c>enable.idempotence=true</c>,
    /// <c>acks=all</c>) whose deliveries time out after <paramref name="messageTimeoutMs"/> ms of librdkafka retries.</summary>
    /// <exception cref="DllNotFoundException">The redist's librdkafka does not load.</exception>
    public static ProducerBuilder<byte[]?, byte[]?> Producer(KafkaOptions options, int messageTimeoutMs, ILogger logger) =>
        Producer(KafkaClientConfigs.Producer(options, messageTimeoutMs), logger);

    /// <summary>An admin client (metadata queries).</summary>
    /// <exception cref="DllNotFoundException">The redist's librdkafka does not load.</exception>
    public static AdminClientBuilder Admin(KafkaOptions options, ILogger logger)
    {
        Librdkafka.Pin();
        return new AdminClientBuilder(KafkaClientConfigs.Admin(options)).SetLogHandler(KafkaClientLog.Handler<IAdminClient>(logger));
    }

    /// <summary>A consumer builder for <paramref name="config"/> with the log handler set.</summary>
    internal static ConsumerBuilder<byte[]?, byte[]?> Consumer(ConsumerConfig config, ILogger logger)
    {
        Librdkafka.Pin();
        return new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler(KafkaClientLog.Handler<IConsumer<byte[]?, byte[]?>>(logger));
    }

    /// <summary>A producer builder for <paramref name="config"/> with the log handler set.</summary>
    internal static ProducerBuilder<byte[]?, byte[]?> Producer(ProducerConfig config, ILogger logger)
    {
        Librdkafka.Pin();
        return new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler(KafkaClientLog.Handler<IProducer<byte[]?, byte[]?>>(logger));
    }
}
