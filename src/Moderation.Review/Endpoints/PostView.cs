using System.Text;
using System.Text.Json.Serialization;
using Moderation.Core.Contracts;
using Moderation.Review.Ingest;
using Moderation.Review.Store;

namespace Moderation.Review.Endpoints;

/// <summary>A stored flagged post as the page and the JSON API show it (never the image bytes: see <c>api/image</c>).</summary>
internal sealed record PostView
{
    [JsonPropertyName("postId")] public required string PostId { get; init; }
    [JsonPropertyName("verdict")] public required Verdict Verdict { get; init; }
    /// <summary>When the review side read the flag, Unix ms.</summary>
    [JsonPropertyName("receivedAt")] public required long ReceivedAtMs { get; init; }
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    /// <summary><c>kept</c>, <c>omitted</c>, <c>too-large</c> or <c>expired</c>.</summary>
    [JsonPropertyName("imageState")] public required string ImageState { get; init; }
    /// <summary>The image's length in bytes.</summary>
    [JsonPropertyName("imageLength")] public required long ImageLength { get; init; }
    /// <summary><c>confirm</c>, <c>dismiss</c> or null (undecided).</summary>
    [JsonPropertyName("decision")] public string? Decision { get; init; }
    [JsonPropertyName("reviewer")] public string? Reviewer { get; init; }
    /// <summary>Unix ms, or null.</summary>
    [JsonPropertyName("decidedAt")] public long? DecidedAtMs { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }

    /// <summary>The view of a row, or null when its stored verdict does not parse.</summary>
    public static PostView? Of(PostRow row)
    {
        var verdict = VerdictJson.TryParse(Encoding.UTF8.GetBytes(row.VerdictJson), int.MaxValue, out _);
        return verdict is null ? null : new PostView
        {
            PostId = row.PostId, Verdict = verdict, ReceivedAtMs = row.ReceivedAt, ContentType = row.ContentType,
            ImageState = row.ImageState, ImageLength = row.ImageLength, Decision = row.Decision, Reviewer = row.Reviewer,
            DecidedAtMs = row.DecidedAt, Note = row.Note,
        };
    }
}
