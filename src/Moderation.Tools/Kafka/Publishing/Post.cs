using Moderation.Core.Contracts;

namespace Moderation.Tools.Kafka.Publishing;

/// <summary>A user post to publish on <see cref="Topics.Posts"/>.</summary>
/// <param name="Id">Post id, the record key (UTF-8).</param>
/// <param name="Image">The encoded image bytes as posted (JPEG/PNG/WebP, or anything for tests), the record value.</param>
public sealed record Post(string Id, byte[] Image)
{
    /// <summary>MIME type for the <see cref="PostHeaders.ContentType"/> header; omitted when null.</summary>
    public string? ContentType { get; init; }

    /// <summary>Posting user's id for the <see cref="PostHeaders.UserId"/> header; omitted when null.</summary>
    public string? UserId { get; init; }

    /// <summary>Extra headers (e.g. <see cref="PostHeaders.Source"/>) added after the standard ones; they pass through
    /// to the verdict.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
