using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Moderation.Streaming.Records;

/// <summary>A consumed post copied onto another topic (dead letters, flags): key, value and headers kept in order, headers
/// appended, and the value left out when the record would not fit the producer's <c>message.max.bytes</c>.</summary>
internal static class RecordCopy
{
    /// <summary>Bytes kept free below <c>message.max.bytes</c> for the record and batch framing.</summary>
    private const int FramingAllowance = 1024;

    /// <summary>Per-header overhead assumed in the size estimate (varint lengths, record attributes), bytes.</summary>
    private const int PerHeaderOverhead = 16;

    /// <summary>
    /// The copy of <paramref name="source"/> with <paramref name="extra"/> appended to its headers. When key + value +
    /// headers would exceed <paramref name="maxMessageBytes"/> less the framing allowance, the value is left out and
    /// <paramref name="omittedHeader"/> = its length in bytes (decimal ASCII) is appended: such a record would otherwise
    /// fail to be produced and stop the worker at the same post after every restart.
    /// </summary>
    public static Message<byte[]?, byte[]?> Create(
        ConsumeResult<byte[]?, byte[]?> source, IEnumerable<(string Key, byte[] Value)> extra, string omittedHeader, int maxMessageBytes)
    {
        var headers = new Headers();
        var size = source.Message.Key?.Length ?? 0;
        if (source.Message.Headers is { } original)
        {
            foreach (var header in original)
            {
                var bytes = header.GetValueBytes();
                headers.Add(header.Key, bytes);
                size += Encoding.UTF8.GetByteCount(header.Key) + (bytes?.Length ?? 0) + PerHeaderOverhead;
            }
        }

        foreach (var (key, value) in extra)
        {
            headers.Add(key, value);
            size += Encoding.UTF8.GetByteCount(key) + value.Length + PerHeaderOverhead;
        }

        var body = source.Message.Value;
        if (body is not null && size + body.Length > maxMessageBytes - FramingAllowance)
        {
            headers.Add(omittedHeader, Ascii(body.Length));
            body = null;
        }

        return new Message<byte[]?, byte[]?> { Key = source.Message.Key, Value = body, Headers = headers };
    }

    /// <summary>A decimal number as ASCII bytes.</summary>
    public static byte[] Ascii(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
