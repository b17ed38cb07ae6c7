using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>Figures of one normal class for one score kind; produced by
/// <see cref="OneClass.OneClassEvaluator.Evaluate"/>. Rates and areas are fractions in [0,1].</summary>
public sealed record ClassResult
{
    /// <summary>Index of the class treated as normal.</summary>
    [JsonPropertyName("classIndex")] public required int ClassIndex { get; init; }
    /// <summary>Name of the class treated as normal.</summary>
    [JsonPropertyName("className")] public required string ClassName { get; init; }
    /// <summary>Wall time of training this class's detector, in seconds (NaN if unknown).</summary>
    [JsonPropertyName("trainSeconds")] public required double TrainSeconds { get; init; }
    /// <summary>Number of normal test scores (negatives).</summary>
    [JsonPropertyName("normalTestCount")] public required int NormalTestCount { get; init; }
    /// <summary>Number of anomalous scores (positives).</summary>
    [JsonPropertyName("anomalousCount")] public required int AnomalousCount { get; init; }
    /// <summary>Number of held-out normal scores the threshold was calibrated on.</summary>
    [JsonPropertyName("calibrationCount")] public required int CalibrationCount { get; init; }
    /// <summary>Area under the ROC curve, normal test vs anomalous (Mann–Whitney, ties one half).</summary>
    [JsonPropertyName("auroc")] public required double Auroc { get; init; }
    /// <summary>Area under the precision–recall curve (ML.NET's trapezoidal AUPRC), anomalous = positive.</summary>
    [JsonPropertyName("auprc")] public required double Auprc { get; init; }
    /// <summary>Target false-positive rate the threshold was calibrated for.</summary>
    [JsonPropertyName("targetFpr")] public required double TargetFpr { get; init; }
    /// <summary>Calibrated threshold (flag when score &gt; threshold), in score units.</summary>
    [JsonPropertyName("threshold")] public required double Threshold { get; init; }
    /// <summary>Fraction of anomalous scores above <see cref="Threshold"/>.</summary>
    [JsonPropertyName("tprAtThreshold")] public required double TprAtThreshold { get; init; }
    /// <summary>Fraction of normal test scores above <see cref="Threshold"/>.</summary>
    [JsonPropertyName("realisedFpr")] public required double RealisedFpr { get; init; }
    /// <summary>Figures per anomalous class, ascending class index; empty when the positives have no classes.</summary>
    [JsonPropertyName("perAnomalousClass")] public IReadOnlyList<AnomalousClassResult> PerAnomalousClass { get; init; } = [];
    /// <summary>The ROC curve, thinned for plotting.</summary>
    [JsonPropertyName("roc")] public required RocSummary Roc { get; init; }
    /// <summary>Histogram of normal test and anomalous scores.</summary>
    [JsonPropertyName("histogram")] public required ScoreHistogram Histogram { get; init; }
}
