using System.Text.Json;
using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Streaming.Serialization;

namespace Moderation.Streaming.Records;

/// <summary>Builds records for <see cref="Topics.Verdicts"/> (the flags topic carries the same JSON in a header: see
/// <see cref="FlagRecords"/>).</summary>
public static class VerdictRecords
{
    /// <summary>Key = the post record's key (null stays null), value = <paramref name="verdict"/> as UTF-8 JSON
    /// (<see cref="StreamingJsonContext"/>), no headers (the post's headers are inside the verdict).</summary>
    public static Message<byte[]?, byte[]?> Create(ConsumeResult<byte[]?, byte[]?> source, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Message<byte[]?, byte[]?>
        {
            Key = source.Message.Key,
            Value = JsonSerializer.SerializeToUtf8Bytes(verdict, StreamingJsonContext.Default.Verdict),
        };
    }
}
