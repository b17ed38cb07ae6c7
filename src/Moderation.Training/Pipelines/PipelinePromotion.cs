using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Moderation.Training.Pipelines;

/// <summary>
/// The <c>promotion</c> section of a pipeline file: the gate <c>moderation retrain</c> applies before a challenger
/// replaces the champion. Both models are scored on the same held-out set (normal test images neither trained nor
/// calibrated on, the reviewers' confirmed violations, samples of both models' generators). Example:
/// <c>"promotion": { "minAurocDelta": 0, "fprInsideInterval": true, "generatorSamples": 500 }</c>.
/// </summary>
public sealed record PipelinePromotion
{
    /// <summary>Smallest allowed challenger AUROC − champion AUROC, per score both models have (ML.NET AUROC of the
    /// held-out normal images against all positives); default 0 = "not lower". Negative tolerates a small loss.</summary>
    [JsonPropertyName("minAurocDelta")]
    [Range(-1.0, 1.0, ErrorMessage = "must be in [{1}, {2}]")]
    public double MinAurocDelta { get; init; }

    /// <summary>Require the challenger's realised verdict FPR on the held-out normal images to lie inside the central 95 %
    /// interval of Bin(n, targetFpr) (<c>Moderation.Core.Metrics.BinomialInterval</c>); default true.</summary>
    [JsonPropertyName("fprInsideInterval")]
    public bool FprInsideInterval { get; init; } = true;

    /// <summary>Smallest allowed challenger − champion verdict TPR (any score above its calibrated threshold) on all
    /// positives; default null = not checked (reported only).</summary>
    [JsonPropertyName("minTprDelta")]
    [Range(-1.0, 1.0, ErrorMessage = "must be in [{1}, {2}]")]
    public double? MinTprDelta { get; init; }

    /// <summary>Images sampled from each model's generator (seeded) as synthetic positives; default 500.</summary>
    [JsonPropertyName("generatorSamples")]
    [Range(1, 100_000, ErrorMessage = "must be in [{1}, {2}]")]
    public int GeneratorSamples { get; init; } = 500;

    /// <summary>Use at most this many held-out normal images (the first ones); default null = all (1,000 per
    /// Fashion-MNIST class).</summary>
    [JsonPropertyName("heldOutNormalLimit")]
    [Range(10, 1_000_000, ErrorMessage = "must be in [{1}, {2}]")]
    public int? HeldOutNormalLimit { get; init; }

    /// <summary>Folder of held-out normal images for a <c>folder</c> data set (required there); for
    /// <c>fashion-mnist</c> the normal classes' test images are used and this must be null.</summary>
    [JsonPropertyName("heldOutNormalPath")]
    public string? HeldOutNormalPath { get; init; }
}
