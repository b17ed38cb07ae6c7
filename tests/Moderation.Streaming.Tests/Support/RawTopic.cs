using System.Text;
using Confluent.Kafka;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Reading;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Reads raw records of one topic from the beginning (through the reader's tail logic).</summary>
internal static class RawTopic
{
    public static Task<List<ConsumeResult<byte[]?, byte[]?>>> ReadAsync(EmbeddedBroker broker, string topic, int expected, TimeSpan timeout) =>
        Task.Run(() =>
        {
            var records = new List<ConsumeResult<byte[]?, byte[]?>>();
            var options = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
            TopicTail.Read(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, [topic], expected, timeout, record =>
            {
                records.Add(record);
                return record.Message.Key is { } key ? Encoding.UTF8.GetString(key) : record.Offset.ToString();
            }, CancellationToken.None);
            return records;
        });
}
