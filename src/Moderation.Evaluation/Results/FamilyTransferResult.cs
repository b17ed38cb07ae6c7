using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>
/// One row of the leave-one-family-out table: the synthetic detector fine-tuned without generator family F, tested on
/// F's samples (seeds never used in training) against the normal class's test images (never used in training or
/// calibration). Thresholds are the verdict's: every score of the model calibrated jointly at the target FPR on the
/// held-out normal images, a post flagged when any score is above its threshold.
/// </summary>
public sealed record FamilyTransferResult
{
    /// <summary>Family name, e.g. <c>nearest-hinge</c>.</summary>
    [JsonPropertyName("family")] public required string Family { get; init; }
    /// <summary>Architecture and training in one line.</summary>
    [JsonPropertyName("description")] public required string Description { get; init; }
    /// <summary>True when the discriminator every fold starts from was trained against this family (the pipeline's own
    /// DCGAN): its fold is not a held-out test and stays out of the class's means.</summary>
    [JsonPropertyName("inDiscriminatorTraining")] public bool InDiscriminatorTraining { get; init; }
    /// <summary>Test samples of the family.</summary>
    [JsonPropertyName("samples")] public int Samples { get; init; }
    /// <summary>AUROC of <c>synthetic_score</c>: normal test images (negatives) vs the family's samples (positives).</summary>
    [JsonPropertyName("auroc")] public double Auroc { get; init; }
    /// <summary>Share of the family's samples the verdict flags (any reason) at the jointly calibrated thresholds.</summary>
    [JsonPropertyName("verdictTpr")] public double VerdictTpr { get; init; }
    /// <summary>Share of the family's samples above the <c>synthetic_score</c> threshold alone.</summary>
    [JsonPropertyName("syntheticTpr")] public double SyntheticTpr { get; init; }
    /// <summary>Share of the normal test images the verdict flags with this fold's thresholds.</summary>
    [JsonPropertyName("verdictRealisedFpr")] public double VerdictRealisedFpr { get; init; }
    /// <summary>AUROC of the baseline detector, the recipe before the zoo (fine-tuned against the pipeline DCGAN's
    /// snapshots only, no augmentation, real and synthetic images in separate BatchNorm batches);
    /// NaN for the DCGAN family, which the baseline saw.</summary>
    [JsonPropertyName("baselineAuroc")] public double BaselineAuroc { get; init; } = double.NaN;
    /// <summary>Verdict TPR of the baseline detector; NaN for the DCGAN family.</summary>
    [JsonPropertyName("baselineVerdictTpr")] public double BaselineVerdictTpr { get; init; } = double.NaN;
    /// <summary>AUROC of the ablation without the zoo: this fold's recipe (augmentation, one BatchNorm batch) fine-tuned
    /// against the pipeline DCGAN's snapshots only, so that the zoo's share of the gain over the baseline is visible;
    /// NaN for the DCGAN family.</summary>
    [JsonPropertyName("dcganOnlyAuroc")] public double DcganOnlyAuroc { get; init; } = double.NaN;
    /// <summary>Verdict TPR of the ablation without the zoo; NaN for the DCGAN family.</summary>
    [JsonPropertyName("dcganOnlyVerdictTpr")] public double DcganOnlyVerdictTpr { get; init; } = double.NaN;
}
