using System.Text;
using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Streaming.Configuration;

namespace Moderation.Streaming.Records;

/// <summary>Builds records for the dead-letter topic (<see cref="Topics.DeadLetter"/> contract).</summary>
public static class DeadLetterRecords
{
    /// <summary>Longest <see cref="PostHeaders.DlqError"/> text kept, in characters.</summary>
    private const int MaxErrorLength = 1024;

    /// <summary>librdkafka's default <c>message.max.bytes</c> (CONFIGURATION.md): 1,000,000 bytes.</summary>
    public const int DefaultMessageMaxBytes = 1_000_000;

    /// <summary>
    /// The original key, value and headers (in order) plus <see cref="PostHeaders.DlqReason"/>,
    /// <see cref="PostHeaders.DlqError"/> and the source topic, partition and offset. When the record would not fit in
    /// <paramref name="maxMessageBytes"/> (the output producer's <c>message.max.bytes</c>), the value is left out and
    /// <see cref="PostHeaders.DlqValueOmitted"/> gives its length: such a post would otherwise fail to be produced and
    /// stop the worker at the same record after every restart.
    /// </summary>
    public static Message<byte[]?, byte[]?> Create(ConsumeResult<byte[]?, byte[]?> source, string reason, string error, int maxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        (string, byte[])[] extra =
        [
            (PostHeaders.DlqReason, Encoding.UTF8.GetBytes(reason)),
            (PostHeaders.DlqError, Encoding.UTF8.GetBytes(text)),
            (PostHeaders.DlqSourceTopic, Encoding.UTF8.GetBytes(source.Topic)),
            (PostHeaders.DlqSourcePartition, RecordCopy.Ascii(source.Partition.Value)),
            (PostHeaders.DlqSourceOffset, RecordCopy.Ascii(source.Offset.Value)),
        ];
        return RecordCopy.Create(source, extra, PostHeaders.DlqValueOmitted, maxMessageBytes);
    }

    /// <summary>The <c>message.max.bytes</c> in bytes a producer built from <paramref name="config"/> enforces.</summary>
    public static int MaxMessageBytes(ProducerConfig config) => config.MessageMaxBytes ?? DefaultMessageMaxBytes;

    /// <summary>The <c>message.max.bytes</c> in bytes of the producers <see cref="Clients.KafkaClients"/> builds from
    /// <paramref name="options"/> (a <see cref="KafkaOptions.Settings"/> or <see cref="KafkaOptions.ProducerSettings"/>
    /// entry, else librdkafka's default <see cref="DefaultMessageMaxBytes"/>).</summary>
    public static int MaxMessageBytes(KafkaOptions options) => MaxMessageBytes(KafkaClientConfigs.Producer(options, 0));
}
