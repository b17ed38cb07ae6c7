using System.Runtime.InteropServices;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Streaming.Interop;
using Moderation.Tools.Kafka.Broker.Native;

namespace Moderation.Tools.Kafka.Broker;

/// <summary>
/// An in-process Kafka cluster: librdkafka's mock cluster (<c>rdkafka_mock.h</c>, <c>rd_kafka_mock_cluster_new</c>)
/// serving the real Kafka protocol on loopback TCP ports, so any client (this process, kcat, another process) can
/// produce, consume, join consumer groups and commit offsets. Data lives in memory until <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Limits of the librdkafka 2.16 mock: no CreateTopics admin request (use <see cref="CreateTopic"/>, or let producers
/// and admin clients auto-create topics with <see cref="AutoCreatedTopicPartitions"/> partitions; a consumer's
/// subscription does not, its metadata requests carry <c>allow.auto.create.topics=false</c>, which the mock honours as a
/// real broker does); no retention, no ACLs, no TLS/SASL;
/// the first join of a consumer group waits about 3 s (like a broker's <c>group.initial.rebalance.delay.ms</c>).
/// The API is documented as experimental and outside librdkafka's ABI guarantees. The cluster's thread is started with
/// every signal blocked (<see cref="Native.SignalMask"/>): the mock stops for good when a signal handler interrupts its
/// <c>poll()</c>, still so in 2.16 (SIGCONT after SIGSTOP did so in CI).
/// </remarks>
public sealed class EmbeddedBroker : IDisposable
{
    /// <summary>Partitions of a topic the mock cluster creates on first use (<c>rdkafka_mock.c</c>, <c>defaults.partition_cnt</c>).</summary>
    public const int AutoCreatedTopicPartitions = 4;

    /// <summary>Broker id meaning every broker of the cluster, for <see cref="SetBrokerDown"/> and <see cref="SetBrokerUp"/>.</summary>
    public const int AllBrokers = -1;

    private readonly GCHandle _logContext;
    private readonly KafkaClientHandle _client;
    private readonly MockClusterHandle _cluster;

    /// <summary>Starts <paramref name="brokerCount"/> brokers (ids 1..N) on random loopback ports.</summary>
    /// <param name="brokerCount">Number of brokers, 1..16.</param>
    /// <param name="logger">Receives librdkafka's log lines of the hosting client; none when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="brokerCount"/> is outside 1..16.</exception>
    /// <exception cref="KafkaException">librdkafka could not create the client or the cluster.</exception>
    /// <exception cref="DllNotFoundException">The redist's librdkafka does not load (see <see cref="Librdkafka.Pin"/>).</exception>
    public EmbeddedBroker(int brokerCount = 1, ILogger<EmbeddedBroker>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerCount, 16);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _logContext = GCHandle.Alloc(log);
        try
        {
            using var config = NativeMethods.CreateConfig();
            NativeLogBridge.Attach(config, GCHandle.ToIntPtr(_logContext));
            NativeMethods.SetConfig(config, "client.id", "moderation-embedded-broker");
            // The mock brokers' accepted sockets take TCP_NODELAY from the hosting client's configuration
            // (rd_kafka_transport_post_connect_setup): without it, responses wait on Nagle + delayed ACK.
            NativeMethods.SetConfig(config, "socket.nagle.disable", "true");
            _client = NativeMethods.CreateProducerClient(config);
            _cluster = NativeMethods.CreateMockCluster(_client, brokerCount);
            BootstrapServers = NativeMethods.GetBootstrapServers(_cluster);
            BrokerCount = brokerCount;
            EmbeddedBrokerLog.Started(log, brokerCount, BootstrapServers);
        }
        catch
        {
            _cluster?.Dispose();
            _client?.Dispose();
            _logContext.Free();
            throw;
        }
    }

    /// <summary>The <c>bootstrap.servers</c> list of the cluster, e.g. <c>127.0.0.1:40123,127.0.0.1:40125</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>Number of brokers in the cluster.</summary>
    public int BrokerCount { get; }

    /// <summary>Creates a topic with an exact partition count (the mock broker does not serve CreateTopics).</summary>
    /// <param name="topic">Topic name.</param>
    /// <param name="partitions">Number of partitions, ≥ 1.</param>
    /// <param name="replicationFactor">Replicas per partition, 1..<see cref="BrokerCount"/>.</param>
    /// <exception cref="KafkaException">The topic already exists (<see cref="ErrorCode.TopicAlreadyExists"/>) or the arguments are invalid.</exception>
    /// <exception cref="ObjectDisposedException">The broker was disposed.</exception>
    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicationFactor, BrokerCount);
        ObjectDisposedException.ThrowIf(_cluster.IsClosed, this);
        NativeMethods.CreateMockTopic(_cluster, topic, partitions, replicationFactor);
    }

    /// <summary>
    /// Fault injection: the next <paramref name="errors"/>.Length requests of type <paramref name="apiKey"/> (to any
    /// broker) fail with these error codes, in order (<see cref="ErrorCode.Local_Transport"/> disconnects the client).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The broker was disposed.</exception>
    public void FailNextRequests(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ObjectDisposedException.ThrowIf(_cluster.IsClosed, this);
        var codes = Array.ConvertAll(errors, e => (int)e);
        NativeMethods.PushRequestErrors(_cluster, (short)apiKey, codes);
    }

    /// <summary>
    /// Fault injection: disconnects broker <paramref name="brokerId"/> (1..<see cref="BrokerCount"/>, or
    /// <see cref="AllBrokers"/>) and refuses new connections until <see cref="SetBrokerUp"/>; leadership does not move.
    /// </summary>
    /// <exception cref="KafkaException">No broker with that id.</exception>
    /// <exception cref="ObjectDisposedException">The broker was disposed.</exception>
    public void SetBrokerDown(int brokerId = AllBrokers)
    {
        ObjectDisposedException.ThrowIf(_cluster.IsClosed, this);
        NativeMethods.SetBrokerState(_cluster, brokerId, up: false);
    }

    /// <summary>Lets broker <paramref name="brokerId"/> (or <see cref="AllBrokers"/>) accept connections again.</summary>
    /// <exception cref="KafkaException">No broker with that id.</exception>
    /// <exception cref="ObjectDisposedException">The broker was disposed.</exception>
    public void SetBrokerUp(int brokerId = AllBrokers)
    {
        ObjectDisposedException.ThrowIf(_cluster.IsClosed, this);
        NativeMethods.SetBrokerState(_cluster, brokerId, up: true);
    }

    /// <summary>Stops the brokers (clients see disconnects) and frees the cluster's memory.</summary>
    public void Dispose()
    {
        if (_cluster.IsClosed)
        {
            return;
        }

        _cluster.Dispose(); // before the client: librdkafka asserts on the reverse order
        _client.Dispose();
        _logContext.Free();
    }
}
