using System.Text.Json.Serialization;

namespace Moderation.Core.Contracts;

/// <summary>
/// The moderation decision for one post: the JSON value of <see cref="Topics.Verdicts"/>, and the
/// <see cref="PostHeaders.Verdict"/> header of a <see cref="Topics.Flags"/> record.
/// </summary>
public sealed record Verdict
{
    /// <summary>Post id (the Kafka key of the post).</summary>
    [JsonPropertyName("postId")] public required string PostId { get; init; }
    /// <summary>True when any score exceeds its threshold.</summary>
    [JsonPropertyName("flagged")] public required bool Flagged { get; init; }
    /// <summary>Why the post was flagged: names of the scores over threshold (e.g. <c>abnormal</c>, <c>synthetic</c>); empty when not flagged.</summary>
    [JsonPropertyName("reasons")] public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>Score name → value (higher = more suspicious).</summary>
    [JsonPropertyName("scores")] public required IReadOnlyDictionary<string, double> Scores { get; init; }
    /// <summary>Score name → threshold used.</summary>
    [JsonPropertyName("thresholds")] public required IReadOnlyDictionary<string, double> Thresholds { get; init; }
    /// <summary>Model version (model card name and ONNX SHA-256 prefix).</summary>
    [JsonPropertyName("modelVersion")] public required string ModelVersion { get; init; }
    /// <summary>When the verdict was made, Unix epoch ms.</summary>
    [JsonPropertyName("scoredAt")] public required long ScoredAtMs { get; init; }
    /// <summary>Post-to-verdict latency in ms (scored-at minus the post's <c>posted-at</c>, or minus the Kafka timestamp).</summary>
    [JsonPropertyName("latencyMs")] public required double LatencyMs { get; init; }
    /// <summary>Source topic of the post.</summary>
    [JsonPropertyName("sourceTopic")] public required string SourceTopic { get; init; }
    /// <summary>Source partition of the post.</summary>
    [JsonPropertyName("sourcePartition")] public required int SourcePartition { get; init; }
    /// <summary>Source offset of the post.</summary>
    [JsonPropertyName("sourceOffset")] public required long SourceOffset { get; init; }
    /// <summary>Headers of the post passed through (content-type, user-id, posted-at and any extra).</summary>
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
