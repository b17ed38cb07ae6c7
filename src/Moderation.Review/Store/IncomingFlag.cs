using Moderation.Core.Contracts;

namespace Moderation.Review.Store;

/// <summary>A flagged post read from the flags topic, ready to store.</summary>
/// <param name="Verdict">The parsed verdict (its post id is the row's key).</param>
/// <param name="VerdictJson">The verdict JSON as received (stored verbatim).</param>
/// <param name="Image">The image bytes to keep, or null (omitted by the producer, over <c>Review:MaxImageBytes</c>).</param>
/// <param name="ImageLength">The image's length in bytes, kept or not.</param>
/// <param name="ImageState">One of <see cref="ImageStates"/>.</param>
/// <param name="ContentType">The post's <c>content-type</c> header, or null.</param>
/// <param name="ReceivedAtMs">When the review side read it, Unix ms.</param>
internal sealed record IncomingFlag(
    Verdict Verdict, string VerdictJson, byte[]? Image, long ImageLength, string ImageState, string? ContentType, long ReceivedAtMs);
