namespace Moderation.Core.Review;

/// <summary>A flagged post with the reviewer's decision and the image bytes kept for it.</summary>
/// <param name="PostId">The post id (the Kafka key of the post).</param>
/// <param name="Decision">Confirm (violation) or dismiss (false positive).</param>
/// <param name="Image">The encoded image bytes as posted (JPEG/PNG/WebP).</param>
/// <param name="ContentType">The post's content type, or null when it had none.</param>
/// <param name="ModelVersion">The model version that flagged it.</param>
/// <param name="DecidedAt">When the reviewer decided.</param>
public sealed record ReviewedPost(
    string PostId, ReviewDecision Decision, ReadOnlyMemory<byte> Image, string? ContentType, string ModelVersion,
    DateTimeOffset DecidedAt);
