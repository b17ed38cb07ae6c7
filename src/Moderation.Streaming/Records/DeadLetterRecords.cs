using System.Globalization;
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

    /// <summary>Bytes kept free below <c>message.max.bytes</c> for the record and batch framing.</summary>
    private const int FramingAllowance = 1024;

    /// <summary>
    /// The original key, value and headers (in order) plus <see cref="PostHeaders.DlqReason"/>,
    /// <see cref="PostHeaders.DlqError"/> and the source topic, partition and offset. When the record would not fit in
    /// <paramref name="maxMessageBytes"/> (the output producer's <c>message.max.bytes</c>), the value is left out and
    /// <see cref="PostHeaders.DlqValueOmitted"/> gives its length: such a post would otherwise fail to be produced and
    /// stop the worker at the same record after every restart.
    /// </summary>
    public static Message<byte[]?, byte[]?> Create(ConsumeResult<byte[]?, byte[]?> source, string reason, string error, int maxMessageBytes)
    {
        var headers = new Headers();
        var headerBytes = 0;
        if (source.Message.Headers is { } original)
        {
            foreach (var header in original)
            {
                var bytes = header.GetValueBytes();
                headers.Add(header.Key, bytes);
                headerBytes += header.Key.Length + (bytes?.Length ?? 0);
            }
        }

        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        headers.Add(PostHeaders.DlqReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(PostHeaders.DlqError, Encoding.UTF8.GetBytes(text));
        headers.Add(PostHeaders.DlqSourceTopic, Encoding.UTF8.GetBytes(source.Topic));
        headers.Add(PostHeaders.DlqSourcePartition, Ascii(source.Partition.Value));
        headers.Add(PostHeaders.DlqSourceOffset, Ascii(source.Offset.Value));
        var value = source.Message.Value;
        var size = (source.Message.Key?.Length ?? 0) + (value?.Length ?? 0) + headerBytes + text.Length * 3 + reason.Length + 256;
        if (value is not null && size > maxMessageBytes - FramingAllowance)
        {
            headers.Add(PostHeaders.DlqValueOmitted, Ascii(value.Length));
            value = null;
        }

        return new Message<byte[]?, byte[]?> { Key = source.Message.Key, Value = value, Headers = headers };
    }

    /// <summary>The <c>message.max.bytes</c> in bytes a producer built from <paramref name="config"/> enforces.</summary>
    public static int MaxMessageBytes(ProducerConfig config) => config.MessageMaxBytes ?? DefaultMessageMaxBytes;

    /// <summary>The <c>message.max.bytes</c> in bytes of the producers <see cref="Clients.KafkaClients"/> builds from
    /// <paramref name="options"/> (a <see cref="KafkaOptions.Settings"/> or <see cref="KafkaOptions.ProducerSettings"/>
    /// entry, else librdkafka's default <see cref="DefaultMessageMaxBytes"/>).</summary>
    public static int MaxMessageBytes(KafkaOptions options) => MaxMessageBytes(KafkaClientConfigs.Producer(options, 0));

    private static byte[] Ascii(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
