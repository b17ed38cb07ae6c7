using Moderation.Core.Contracts;

namespace Moderation.Tools.Kafka.Reading;

/// <summary>A record read back from the dead-letter topic (<see cref="Topics.DeadLetter"/> contract).</summary>
public sealed record DeadLetter
{
    /// <summary>The post id (the original record key, UTF-8).</summary>
    public required string PostId { get; init; }
    /// <summary>The <see cref="PostHeaders.DlqReason"/> header, one of <see cref="DeadLetterReasons"/>.</summary>
    public required string Reason { get; init; }
    /// <summary>The <see cref="PostHeaders.DlqError"/> header.</summary>
    public required string Error { get; init; }
    /// <summary>Topic the post came from.</summary>
    public required string SourceTopic { get; init; }
    /// <summary>Partition the post came from.</summary>
    public required int SourcePartition { get; init; }
    /// <summary>Offset of the post in its partition.</summary>
    public required long SourceOffset { get; init; }
    /// <summary>The original value (image bytes), null when the post had none.</summary>
    public required byte[]? Value { get; init; }
    /// <summary>All headers as UTF-8 text: the post's original ones plus the <c>dlq-*</c> ones.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
}
