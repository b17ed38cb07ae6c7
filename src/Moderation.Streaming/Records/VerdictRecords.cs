using System.Text.Json;
using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Streaming.Serialization;

namespace Moderation.Streaming.Records;

/// <summary>Builds records for <see cref="Topics.Verdicts"/> and <see cref="Topics.Flags"/> (same record on both).</summary>
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
