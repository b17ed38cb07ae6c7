using System.Text.Json.Serialization;

namespace Moderation.Cli.Offline;

/// <summary>What <c>moderation score</c> says about one file: the verdict the service would publish (same scores,
/// thresholds, reasons and model version), or the dead-letter reason it would give the post, or why the file could not
/// be read (a score-only case: the service never sees unreadable files).</summary>
internal sealed record FileOutcome
{
    /// <summary>The file's path as found (relative paths stay relative).</summary>
    [JsonPropertyName("file")] public required string File { get; init; }
    /// <summary>True when any score exceeds its threshold; null when the file was not scored.</summary>
    [JsonPropertyName("flagged")] public bool? Flagged { get; init; }
    /// <summary>Names of the scores over threshold, e.g. <c>abnormal</c>; null when not scored.</summary>
    [JsonPropertyName("reasons")] public IReadOnlyList<string>? Reasons { get; init; }
    /// <summary>Score name → value (higher = more suspicious); null when not scored.</summary>
    [JsonPropertyName("scores")] public IReadOnlyDictionary<string, double>? Scores { get; init; }
    /// <summary>Score name → threshold used; null when not scored.</summary>
    [JsonPropertyName("thresholds")] public IReadOnlyDictionary<string, double>? Thresholds { get; init; }
    /// <summary>Model version (model card name and ONNX SHA-256 prefix), as in the service's verdicts.</summary>
    [JsonPropertyName("modelVersion")] public required string ModelVersion { get; init; }
    /// <summary>The dead-letter reason the service would give (<c>corrupt</c>, <c>unsupported-type</c>, …), as its
    /// <c>dlq-reason</c> header; null when scored.</summary>
    [JsonPropertyName("dlqReason")] public string? DlqReason { get; init; }
    /// <summary>The dead-letter error text (the <c>dlq-error</c> header), or the read error; null when scored.</summary>
    [JsonPropertyName("error")] public string? Error { get; init; }
}
