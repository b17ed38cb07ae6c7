using System.Text.Json.Serialization;

namespace Moderation.Review.Endpoints;

/// <summary>The body of <c>POST {prefix}/api/decisions</c>.</summary>
/// <param name="PostId">The flagged post.</param>
/// <param name="Decision"><c>confirm</c> (a violation) or <c>dismiss</c> (a false positive).</param>
/// <param name="Note">Optional, at most <see cref="ReviewApi.MaxNoteLength"/> characters.</param>
internal sealed record DecisionRequest(
    [property: JsonPropertyName("postId")] string? PostId,
    [property: JsonPropertyName("decision")] string? Decision,
    [property: JsonPropertyName("note")] string? Note);
