using System.Text.Json.Serialization;

namespace Moderation.Core.Models;

/// <summary>A score the service reports, the ONNX output it comes from, and its calibrated threshold.</summary>
public sealed record ScoreThreshold
{
    /// <summary>Reason name used in verdicts when the score exceeds the threshold, e.g. <c>abnormal</c>.</summary>
    [JsonPropertyName("reason")] public required string Reason { get; init; }
    /// <summary>ONNX output holding the score, float32 <c>[N,1]</c>; higher = more suspicious.</summary>
    [JsonPropertyName("output")] public required string Output { get; init; }
    /// <summary>Flag when score &gt; value.</summary>
    [JsonPropertyName("value")] public required double Value { get; init; }
    /// <summary>False-positive rate on the calibration images this threshold alone was set at, e.g. 0.0025: with several
    /// scores calibrated jointly, its share of the verdict's target (the card's <c>verdict_target_fpr</c> metric).</summary>
    [JsonPropertyName("targetFpr")] public required double TargetFpr { get; init; }
    /// <summary>FPR measured on normal images not used for calibration (NaN if not measured).</summary>
    [JsonPropertyName("realisedFpr")] public double RealisedFpr { get; init; } = double.NaN;
}
