using Moderation.Retraining.Zoo;
using System.ComponentModel.DataAnnotations;

namespace Moderation.Retraining.Detection;

/// <summary>How the synthetic-image classifier is fine-tuned: a copy of the trained discriminator, trained with
/// Adam on real normal training images (target 1) vs samples of the generator zoo's families (target 0: the pipeline
/// DCGAN's per-epoch snapshots and <see cref="Zoo"/>'s families), a family drawn uniformly for each image, both sides
/// augmented (<see cref="Augmentation"/>; after Wang et al. CVPR 2020, CNNDetection: a real-vs-fake classifier trained
/// with blur and JPEG augmentation transfers to generators it never saw).</summary>
public sealed record SyntheticRecipe
{
    /// <summary>Adam steps; default 1,500 (≈ 6 s per 100 steps at batch 64 on one core; 400 steps left the Trouser
    /// classifier, trained against its own generator only, at loss 0.19 and AUROC 0.986 against that generator).</summary>
    [Range(0, 100_000)] public int Steps { get; init; } = 1500;

    /// <summary>Real and fake images per step (each); default 64.</summary>
    [Range(2, 4096)] public int BatchSize { get; init; } = 64;

    /// <summary>Adam step size; default 2e-4 (the GAN's).</summary>
    [Range(1e-7, 1.0)] public double LearningRate { get; init; } = 2e-4;

    /// <summary>Use the pipeline DCGAN's snapshots from this epoch on (1-based); default 1 (all epochs).</summary>
    [Range(1, 10_000)] public int FirstSnapshotEpoch { get; init; } = 1;

    /// <summary>The zoo's other families (trained on the same normal images); null = the pipeline DCGAN's snapshots only
    /// (the recipe before the zoo, kept as the baseline of the leave-one-family-out evaluation).</summary>
    public ZooRecipe? Zoo { get; init; } = ZooRecipe.Default;

    /// <summary>Augmentations of the real and synthetic training images; default <see cref="AugmentationRecipe"/>'s.</summary>
    public AugmentationRecipe Augmentation { get; init; } = new();

    /// <summary>Whether real and synthetic images pass through the classifier's BatchNorm in separate batches (the GAN
    /// step's way, the recipe before the zoo); default false: one mixed batch per step, so that the batch statistics
    /// BatchNorm normalises with in training match the running statistics the exported graph uses.</summary>
    public bool SeparateBatches { get; init; }

    /// <summary>Whether <c>synthetic_score</c> gets the frequency-domain branch (<see cref="SpectralFitter"/>), fitted on
    /// the same real images against the same families; default true (false in <see cref="SingleGenerator"/>).</summary>
    public bool Spectral { get; init; } = true;

    /// <summary>The recipe before the zoo: DCGAN snapshots only, no augmentation, separate batches, 1,000 steps, no
    /// spectral branch.</summary>
    public static SyntheticRecipe SingleGenerator { get; } = new() { Zoo = null, Augmentation = AugmentationRecipe.None, SeparateBatches = true, Steps = 1000, Spectral = false };
}
