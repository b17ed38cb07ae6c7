using System.Text.Json.Serialization;

namespace Moderation.Core.Models;

/// <summary>The data a model was trained and calibrated on.</summary>
public sealed record DatasetInfo
{
    /// <summary>Data set name, e.g. <c>fashion-mnist</c>.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }
    /// <summary>Class indices treated as normal.</summary>
    [JsonPropertyName("normalClasses")] public required IReadOnlyList<int> NormalClasses { get; init; }
    /// <summary>Human-readable names of <see cref="NormalClasses"/>.</summary>
    [JsonPropertyName("normalClassNames")] public required IReadOnlyList<string> NormalClassNames { get; init; }
    /// <summary>Normal training images used for GAN training.</summary>
    [JsonPropertyName("trainImages")] public required int TrainImages { get; init; }
    /// <summary>Held-out normal training images used for threshold calibration.</summary>
    [JsonPropertyName("calibrationImages")] public required int CalibrationImages { get; init; }
}
