using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>How well one anomalous class is told apart from the normal class.</summary>
public sealed record AnomalousClassResult
{
    /// <summary>Index of the anomalous class.</summary>
    [JsonPropertyName("classIndex")] public required int ClassIndex { get; init; }
    /// <summary>Name of the anomalous class.</summary>
    [JsonPropertyName("className")] public required string ClassName { get; init; }
    /// <summary>Number of scores of that class.</summary>
    [JsonPropertyName("count")] public required int Count { get; init; }
    /// <summary>AUROC of the normal test scores vs this class's scores, in [0,1].</summary>
    [JsonPropertyName("auroc")] public required double Auroc { get; init; }
    /// <summary>Fraction of this class's scores above the calibrated threshold.</summary>
    [JsonPropertyName("tprAtThreshold")] public required double TprAtThreshold { get; init; }
}
