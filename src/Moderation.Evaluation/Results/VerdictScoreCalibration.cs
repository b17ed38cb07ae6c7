using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>One score of the verdict at its joint threshold: how many calibration images it flags alone and how many
/// of the normal test images. Where the test share runs well above the calibration share, that score's scores moved
/// between the calibration and test images (the union's excess is carried there).</summary>
public sealed record VerdictScoreCalibration
{
    /// <summary>ONNX output name, e.g. <c>anomaly_score</c>.</summary>
    [JsonPropertyName("output")] public required string Output { get; init; }
    /// <summary>Its joint threshold (flag rule score &gt; threshold).</summary>
    [JsonPropertyName("threshold")] public double Threshold { get; init; }
    /// <summary>Share of the calibration images this score flags alone.</summary>
    [JsonPropertyName("calibrationFpr")] public double CalibrationFpr { get; init; }
    /// <summary>Share of the normal test images this score flags alone.</summary>
    [JsonPropertyName("realisedFpr")] public double RealisedFpr { get; init; }
    /// <summary>Share of the normal test images only this score flags (no other score of the verdict does).</summary>
    [JsonPropertyName("onlyThisScoreFpr")] public double OnlyThisScoreFpr { get; init; }
}
