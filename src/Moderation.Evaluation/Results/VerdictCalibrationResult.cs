using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>The verdict's false-positive rate for one normal class: every score's threshold calibrated jointly on the
/// held-out normal images (conformal allowance), measured on the class's normal test images, which calibration never
/// saw, against the central 95 % acceptance interval of Bin(test images, target) (<c>Core.Metrics.BinomialInterval</c>).</summary>
public sealed record VerdictCalibrationResult
{
    /// <summary>The normal class.</summary>
    [JsonPropertyName("classIndex")] public int ClassIndex { get; init; }
    /// <summary>Its name.</summary>
    [JsonPropertyName("className")] public required string ClassName { get; init; }
    /// <summary>Scores in the verdict (ONNX outputs).</summary>
    [JsonPropertyName("outputs")] public required IReadOnlyList<string> Outputs { get; init; }
    /// <summary>Calibration images.</summary>
    [JsonPropertyName("calibrationImages")] public int CalibrationImages { get; init; }
    /// <summary>Normal test images.</summary>
    [JsonPropertyName("testImages")] public int TestImages { get; init; }
    /// <summary>Target FPR.</summary>
    [JsonPropertyName("targetFpr")] public double TargetFpr { get; init; }
    /// <summary>Share of the normal test images the verdict flags.</summary>
    [JsonPropertyName("realisedFpr")] public double RealisedFpr { get; init; }
    /// <summary>Lower end of the 95 % interval (share).</summary>
    [JsonPropertyName("intervalLow")] public double IntervalLow { get; init; }
    /// <summary>Upper end of the 95 % interval (share).</summary>
    [JsonPropertyName("intervalHigh")] public double IntervalHigh { get; init; }
    /// <summary>Whether the realised FPR lies inside the interval.</summary>
    [JsonPropertyName("inside")] public bool Inside { get; init; }
    /// <summary>The chance of landing inside the interval for a calibration that is exact under exchangeability (the
    /// split-conformal reference: rate Beta(l, n + 1 − l) given n calibration images, l = ⌊α(n+1)⌋; <c>NaN</c> in schema 2).</summary>
    [JsonPropertyName("chanceInside")] public double ChanceInside { get; init; } = double.NaN;
    /// <summary>Each score of <see cref="Outputs"/> at its joint threshold, in the same order (empty in schema 2).</summary>
    [JsonPropertyName("scores")] public IReadOnlyList<VerdictScoreCalibration> Scores { get; init; } = [];
}
