using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Streaming.Records;

/// <summary>Reads the fields of a post record (<see cref="Topics.Posts"/> contract) and of records derived from it.</summary>
public static class PostRecords
{
    /// <summary>The post id: the UTF-8 key, or <c>topic/partition@offset</c> when the record has no key.</summary>
    public static string PostId(ConsumeResult<byte[]?, byte[]?> record) =>
        record.Message.Key is { } key
            ? Encoding.UTF8.GetString(key)
            : $"{record.Topic}/{record.Partition.Value}@{record.Offset.Value}";

    /// <summary>The last value of header <paramref name="name"/> as UTF-8 text, or null.</summary>
    public static string? Header(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>All headers as UTF-8 text; for repeated names the last value wins.</summary>
    public static Dictionary<string, string> HeaderMap(Headers? headers)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (headers is null)
        {
            return map;
        }

        foreach (var header in headers)
        {
            map[header.Key] = Encoding.UTF8.GetString(header.GetValueBytes() ?? []);
        }

        return map;
    }

    /// <summary>
    /// When the post was made, Unix ms: the <see cref="PostHeaders.PostedAt"/> header, else the record's Kafka
    /// timestamp, else null.
    /// </summary>
    public static long? PostedAtMs(ConsumeResult<byte[]?, byte[]?> record)
    {
        var text = Header(record.Message.Headers, PostHeaders.PostedAt);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var postedAt))
        {
            return postedAt;
        }

        var timestamp = record.Message.Timestamp;
        return timestamp.Type == TimestampType.NotAvailable ? null : timestamp.UnixTimestampMs;
    }
}
