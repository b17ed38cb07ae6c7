using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Streaming.Records;

/// <summary>Builds records for the dead-letter topic (<see cref="Topics.DeadLetter"/> contract).</summary>
internal static class DeadLetterRecords
{
    /// <summary>Longest <see cref="PostHeaders.DlqError"/> text kept, in characters.</summary>
    private const int MaxErrorLength = 1024;

    /// <summary>
    /// The original key, value and headers (in order) plus <see cref="PostHeaders.DlqReason"/>,
    /// <see cref="PostHeaders.DlqError"/> and the source topic, partition and offset.
    /// </summary>
    public static Message<byte[]?, byte[]?> Create(ConsumeResult<byte[]?, byte[]?> source, string reason, string error)
    {
        var headers = new Headers();
        if (source.Message.Headers is { } original)
        {
            foreach (var header in original)
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        headers.Add(PostHeaders.DlqReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(PostHeaders.DlqError, Encoding.UTF8.GetBytes(text));
        headers.Add(PostHeaders.DlqSourceTopic, Encoding.UTF8.GetBytes(source.Topic));
        headers.Add(PostHeaders.DlqSourcePartition, Ascii(source.Partition.Value));
        headers.Add(PostHeaders.DlqSourceOffset, Ascii(source.Offset.Value));
        return new Message<byte[]?, byte[]?> { Key = source.Message.Key, Value = source.Message.Value, Headers = headers };
    }

    private static byte[] Ascii(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
