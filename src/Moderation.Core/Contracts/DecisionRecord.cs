using System.Text.Json.Serialization;

namespace Moderation.Core.Contracts;

/// <summary>
/// A reviewer's decision on a flagged post: the JSON value of a <see cref="Topics.Decisions"/> record (key = post id).
/// Published from the review store's outbox after the decision row was written, so a consumer may see the same decision
/// twice (at-least-once); <see cref="DecisionId"/> identifies it.
/// </summary>
public sealed record DecisionRecord
{
    /// <summary>Id of this decision in the review store (increasing; a later decision on the same post replaces an earlier one).</summary>
    [JsonPropertyName("decisionId")] public required long DecisionId { get; init; }
    /// <summary>Post id (the Kafka key of the post).</summary>
    [JsonPropertyName("postId")] public required string PostId { get; init; }
    /// <summary><c>confirm</c> (a violation: the flag was right) or <c>dismiss</c> (a false positive).</summary>
    [JsonPropertyName("decision")] public required string Decision { get; init; }
    /// <summary>User name of the reviewer (or the API token's name).</summary>
    [JsonPropertyName("reviewer")] public required string Reviewer { get; init; }
    /// <summary>When the reviewer decided, Unix epoch ms.</summary>
    [JsonPropertyName("decidedAt")] public required long DecidedAtMs { get; init; }
    /// <summary>The reviewer's note, or null.</summary>
    [JsonPropertyName("note")] public string? Note { get; init; }
    /// <summary>Model version that flagged the post (from its verdict).</summary>
    [JsonPropertyName("modelVersion")] public required string ModelVersion { get; init; }
    /// <summary>Why the model flagged it (the verdict's reasons).</summary>
    [JsonPropertyName("reasons")] public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>Score name → value, from the verdict.</summary>
    [JsonPropertyName("scores")] public required IReadOnlyDictionary<string, double> Scores { get; init; }
    /// <summary>Score name → threshold the verdict used.</summary>
    [JsonPropertyName("thresholds")] public required IReadOnlyDictionary<string, double> Thresholds { get; init; }
}
