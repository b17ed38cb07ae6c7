using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>
/// Everything <c>evaluation.json</c> holds: the protocol, the run, and per score kind the figures of every normal
/// class. Self-contained: <see cref="Reporting.ReportWriter"/> draws the report and plots from it alone. Serialise with
/// <see cref="EvaluationJson"/>.
/// </summary>
public sealed record EvaluationResult
{
    /// <summary>Version of this JSON layout; <see cref="CurrentSchemaVersion"/> when written by this code.</summary>
    [JsonPropertyName("schemaVersion")] public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    /// <summary>Data set name, e.g. <c>fashion-mnist</c>.</summary>
    [JsonPropertyName("dataset")] public required string Dataset { get; init; }
    /// <summary>What counts as normal, in words (which images train, calibrate and form the normal test set).</summary>
    [JsonPropertyName("normalDefinition")] public required string NormalDefinition { get; init; }
    /// <summary>How the run was made.</summary>
    [JsonPropertyName("run")] public required RunMetadata Run { get; init; }
    /// <summary>Per score kind, e.g. <see cref="ScoreKinds.Anomaly"/> then <see cref="ScoreKinds.Synthetic"/>.</summary>
    [JsonPropertyName("kinds")] public required IReadOnlyList<ScoreKindResult> Kinds { get; init; }

    /// <summary>Leave-one-family-out transfer of the synthetic detector, per class where it was run (empty otherwise).</summary>
    [JsonPropertyName("transfer")] public IReadOnlyList<ClassTransferResult> Transfer { get; init; } = [];

    /// <summary>The verdict's realised FPR per class against its binomial interval (empty when not measured).</summary>
    [JsonPropertyName("verdictCalibration")] public IReadOnlyList<VerdictCalibrationResult> VerdictCalibration { get; init; } = [];

    /// <summary>Current <see cref="SchemaVersion"/>: 3 (2 added <see cref="Transfer"/> and <see cref="VerdictCalibration"/>;
    /// 3 adds each verdict score's shares, <see cref="VerdictCalibrationResult.Scores"/>).</summary>
    public const int CurrentSchemaVersion = 3;

    /// <summary>The kind named <paramref name="kind"/>, or null.</summary>
    public ScoreKindResult? FindKind(string kind) => Kinds.FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.Ordinal));
}
