using System.Text.Json.Serialization;

namespace Moderation.Core.Models;

/// <summary>
/// <c>model-card.json</c>, written beside each exported discriminator in <c>models/&lt;name&gt;/</c>: what the model was
/// trained on, how, the ONNX file's SHA-256, and the calibrated thresholds. Load with <see cref="ModelCardStore"/>.
/// </summary>
public sealed record ModelCard
{
    /// <summary>Model name (the folder name under <c>models/</c>).</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }
    /// <summary>UTC creation time, ISO 8601.</summary>
    [JsonPropertyName("createdAt")] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Training data.</summary>
    [JsonPropertyName("dataset")] public required DatasetInfo Dataset { get; init; }
    /// <summary>Native spec strings (see <c>NetworkSpec.ToNativeSpec</c>) of both networks, keyed <c>generator</c>/<c>discriminator</c>.</summary>
    [JsonPropertyName("architecture")] public required IReadOnlyDictionary<string, string> Architecture { get; init; }
    /// <summary>Training hyperparameters as recorded from the pipeline file (lr, betas, batch size, epochs, seed, …).</summary>
    [JsonPropertyName("hyperparameters")] public required IReadOnlyDictionary<string, double> Hyperparameters { get; init; }
    /// <summary>The discriminator ONNX file.</summary>
    [JsonPropertyName("onnx")] public required OnnxFileInfo Onnx { get; init; }
    /// <summary>Calibrated thresholds, one per score the service reports.</summary>
    [JsonPropertyName("thresholds")] public required IReadOnlyList<ScoreThreshold> Thresholds { get; init; }
    /// <summary>Evaluation figures, e.g. <c>auroc_anomalous</c>, <c>auroc_synthetic</c>, <c>train_images_per_second</c>.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The version written into verdicts: the name and the first 12 hex digits of the ONNX file's SHA-256,
    /// e.g. <c>fashion-trouser@3f2a9c0d1e2b</c> (not stored: derived from the two).</summary>
    [JsonIgnore] public string Version => $"{Name}@{Onnx.Sha256[..Math.Min(12, Onnx.Sha256.Length)]}";
}
