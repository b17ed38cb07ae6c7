using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Moderation.Tools.Kafka.Broker.Native;

/// <summary>
/// The mock cluster of <c>rdkafka_mock.h</c> (librdkafka ≥ 1.4; documented there as an experimental API outside the
/// ABI guarantees, so every call used here was checked against librdkafka 2.16.0).
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>Starts <paramref name="brokerCount"/> mock brokers on loopback ports; the cluster keeps a reference on the client.</summary>
    /// <exception cref="KafkaException">The cluster could not be created (see the client's log).</exception>
    internal static MockClusterHandle CreateMockCluster(KafkaClientHandle client, int brokerCount)
    {
        var added = false;
        client.DangerousAddRef(ref added);
        // The cluster's thread inherits this thread's signal mask; see SignalMask for why it must block them all.
        var cluster = SignalMask.WithAllBlocked(() => rd_kafka_mock_cluster_new(client, brokerCount));
        if (cluster.IsInvalid)
        {
            cluster.Dispose();
            client.DangerousRelease();
            VerifySuccess((int)ErrorCode.Local_Fail, "rd_kafka_mock_cluster_new (see the log)");
        }

        cluster.Owner = client;
        return cluster;
    }

    /// <summary>The cluster's <c>bootstrap.servers</c> list, e.g. <c>127.0.0.1:40123</c>.</summary>
    internal static string GetBootstrapServers(MockClusterHandle cluster)
    {
        var servers = Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster));
        VerifySuccess(servers is null ? (int)ErrorCode.Local_Fail : 0, "rd_kafka_mock_cluster_bootstraps");
        return servers!;
    }

    /// <summary>Creates a topic (the mock broker has no CreateTopics admin request).</summary>
    /// <exception cref="KafkaException">The topic exists or the arguments are invalid.</exception>
    internal static void CreateMockTopic(MockClusterHandle cluster, string topic, int partitions, int replicationFactor) =>
        VerifySuccess(rd_kafka_mock_topic_create(cluster, topic, partitions, replicationFactor), $"create topic {topic}");

    /// <summary>Makes the next requests of type <paramref name="apiKey"/> fail with <paramref name="errors"/>, in order.</summary>
    internal static void PushRequestErrors(MockClusterHandle cluster, short apiKey, ReadOnlySpan<int> errors) =>
        rd_kafka_mock_push_request_errors_array(cluster, apiKey, (nuint)errors.Length, in errors.GetPinnableReference());

    /// <summary>Disconnects a broker (−1: all) and refuses new connections, or accepts them again.</summary>
    /// <exception cref="KafkaException">No broker with that id.</exception>
    internal static void SetBrokerState(MockClusterHandle cluster, int brokerId, bool up) =>
        VerifySuccess(
            up ? rd_kafka_mock_broker_set_up(cluster, brokerId) : rd_kafka_mock_broker_set_down(cluster, brokerId),
            up ? $"set broker {brokerId} up" : $"set broker {brokerId} down");

    [LibraryImport(LibraryName)]
    private static partial MockClusterHandle rd_kafka_mock_cluster_new(KafkaClientHandle rk, int brokerCount);

    [LibraryImport(LibraryName)]
    internal static partial void rd_kafka_mock_cluster_destroy(nint mcluster);

    [LibraryImport(LibraryName)]
    private static partial nint rd_kafka_mock_cluster_bootstraps(MockClusterHandle mcluster);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_mock_topic_create(
        MockClusterHandle mcluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibraryName)]
    private static partial int rd_kafka_mock_broker_set_down(MockClusterHandle mcluster, int brokerId);

    [LibraryImport(LibraryName)]
    private static partial int rd_kafka_mock_broker_set_up(MockClusterHandle mcluster, int brokerId);

    [LibraryImport(LibraryName)]
    private static partial void rd_kafka_mock_push_request_errors_array(
        MockClusterHandle mcluster, short apiKey, nuint count, in int errors);
}
