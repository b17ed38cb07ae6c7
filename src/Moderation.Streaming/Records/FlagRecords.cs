using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Streaming.Records;

/// <summary>Builds records for <see cref="Topics.Flags"/>: the flagged post itself, so the review side keeps its image
/// whatever the retention of <see cref="Topics.Posts"/>.</summary>
public static class FlagRecords
{
    /// <summary>
    /// Key and value (the image bytes as posted) and headers (in order) of <paramref name="source"/>, plus
    /// <see cref="PostHeaders.Verdict"/> = <paramref name="verdictJson"/> (the same UTF-8 JSON as the verdicts topic's
    /// value). When the record would not fit in <paramref name="maxMessageBytes"/> (the producer's
    /// <c>message.max.bytes</c>), the image is left out and <see cref="PostHeaders.FlagValueOmitted"/> gives its length
    /// in bytes.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="verdictJson"/> is null.</exception>
    public static Message<byte[]?, byte[]?> Create(ConsumeResult<byte[]?, byte[]?> source, byte[] verdictJson, int maxMessageBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(verdictJson);
        return RecordCopy.Create(source, [(PostHeaders.Verdict, verdictJson)], PostHeaders.FlagValueOmitted, maxMessageBytes);
    }
}
