using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Moderation.Training.Pipelines;

/// <summary>The <c>hyperparameters</c> section of a pipeline file. Defaults follow DCGAN (Radford et al. 2016).</summary>
public sealed record TrainingHyperparameters
{
    /// <summary>Passes over the normal training images; default 15 (≈ 12 min for 5,400 trouser images at ≈ 110
    /// images/s on 2 threads).</summary>
    [JsonPropertyName("epochs")]
    [Range(1, 10_000, ErrorMessage = "must be in [{1}, {2}]")]
    public int Epochs { get; init; } = 15;

    /// <summary>Images per step; default 64 (DCGAN uses 128; 64 suits the 6,000-image classes). Last partial
    /// batch of an epoch is dropped.</summary>
    [JsonPropertyName("batchSize")]
    [Range(2, 4096, ErrorMessage = "must be in [{1}, {2}]")]
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam step size for both networks; default 2e-4.</summary>
    [JsonPropertyName("learningRate")]
    [Range(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "must be in ({1}, {2}]")]
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Adam β1; default 0.5 (DCGAN: 0.9 oscillates).</summary>
    [JsonPropertyName("beta1")]
    [Range(0.0, 1.0, MaximumIsExclusive = true, ErrorMessage = "must be in [{1}, {2})")]
    public double Beta1 { get; init; } = 0.5;

    /// <summary>Adam β2; default 0.999.</summary>
    [JsonPropertyName("beta2")]
    [Range(0.0, 1.0, MaximumIsExclusive = true, ErrorMessage = "must be in [{1}, {2})")]
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Size of z ~ N(0,1); default 100.</summary>
    [JsonPropertyName("latentSize")]
    [Range(1, 4096, ErrorMessage = "must be in [{1}, {2}]")]
    public int LatentSize { get; init; } = 100;

    /// <summary>Seed of weight initialisation, latent noise, shuffling and the calibration split; default 42.</summary>
    [JsonPropertyName("seed")]
    public long Seed { get; init; } = 42;

    /// <summary>Discriminator target for real images; 1.0 (default) or e.g. 0.9 for one-sided label smoothing
    /// (Salimans et al. 2016).</summary>
    [JsonPropertyName("realLabel")]
    [Range(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "must be in ({1}, {2}]")]
    public double RealLabel { get; init; } = 1.0;

    /// <summary>Share of the normal TRAINING images held out (not trained on) for threshold calibration; default 0.1.</summary>
    [JsonPropertyName("calibrationFraction")]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true, ErrorMessage = "must be in ({1}, {2})")]
    public double CalibrationFraction { get; init; } = 0.1;

    /// <summary>False-positive rate on normal images the thresholds are calibrated for; default 0.01.</summary>
    [JsonPropertyName("targetFpr")]
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true, ErrorMessage = "must be in ({1}, {2})")]
    public double TargetFpr { get; init; } = 0.01;

    /// <summary>The values keyed by their JSON names, for <c>ModelCard.Hyperparameters</c>.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["epochs"] = Epochs,
        ["batchSize"] = BatchSize,
        ["learningRate"] = LearningRate,
        ["beta1"] = Beta1,
        ["beta2"] = Beta2,
        ["latentSize"] = LatentSize,
        ["seed"] = Seed,
        ["realLabel"] = RealLabel,
        ["calibrationFraction"] = CalibrationFraction,
        ["targetFpr"] = TargetFpr,
    };
}
