using Confluent.Kafka;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Interop;
using Moderation.Tools.Kafka.Broker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Moderation.Streaming.Tests.Interop;

/// <summary>The process runs on the redist's librdkafka 2.16.0, whatever is installed system-wide (Debian's 2.0.2
/// librdkafka.so was preferred by the runtime before the resolver existed).</summary>
public sealed class LibrdkafkaTests
{
    [Fact]
    public void Confluent_kafka_runs_on_the_redist_librdkafka_2_16_0()
    {
        Librdkafka.Pin();

        Assert.Equal("2.16.0", Library.VersionString);
        Assert.Equal(0x021000ff, Library.Version);
        Assert.StartsWith(AppContext.BaseDirectory, Librdkafka.LoadedPath, StringComparison.Ordinal);
        Assert.Contains("runtimes/linux-x64/native/", Librdkafka.LoadedPath, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_clients_and_the_mock_cluster_binding_share_the_one_mapped_librdkafka()
    {
        using var broker = new EmbeddedBroker();
        var options = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        using var producer = KafkaClients.Producer(options, 10_000, NullLogger.Instance).Build();
        var delivered = await producer.ProduceAsync("interop", new Message<byte[]?, byte[]?> { Value = [1, 2, 3] });
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);

        // every file of this process whose name contains "rdkafka" (/proc/self/maps: path in the 6th column)
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].Contains("rdkafka", StringComparison.Ordinal))
            .Select(fields => fields[5].Trim())
            .Distinct()
            .ToList();
        Assert.Equal([Librdkafka.LoadedPath!], mapped);
    }
}
