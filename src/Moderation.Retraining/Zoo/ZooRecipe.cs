using System.ComponentModel.DataAnnotations;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Zoo;

/// <summary>The generator zoo trained on the normal images besides the pipeline's DCGAN (whose per-epoch snapshots form
/// the <see cref="DcganFamily"/> family): which families, and how many samples each contributes to train the synthetic
/// detector and to test it.</summary>
public sealed record ZooRecipe
{
    /// <summary>Name of the family made of the pipeline DCGAN's snapshots (transposed convolutions, non-saturating loss).</summary>
    public const string DcganFamily = "dcgan-transposed";

    /// <summary>Families trained by the zoo (the DCGAN family comes from the pipeline's GAN); default four: nearest
    /// up-sampling with the hinge loss, bilinear with least squares, pixel shuffle with label smoothing, and a VAE.
    /// Small and short on purpose (2–4 epochs, widths 32–64): early snapshots carry the artifacts a detector must know,
    /// and the zoo trains once per class.</summary>
    public IReadOnlyList<GeneratorFamily> Families { get; init; } =
    [
        new() { Name = "nearest-hinge", Upsampling = ZooUpsampling.Nearest, Latent = 64, Width = 64, Loss = GanLoss.Hinge, Epochs = 3, SnapshotEpochs = [1, 3], SeedOffset = 101 },
        new() { Name = "bilinear-lsgan", Upsampling = ZooUpsampling.Bilinear, Latent = 32, Width = 48, Loss = GanLoss.LeastSquares, Epochs = 3, SnapshotEpochs = [1, 3], SeedOffset = 202 },
        new() { Name = "pixelshuffle-ns", Upsampling = ZooUpsampling.PixelShuffle, Latent = 128, Width = 64, Loss = GanLoss.NonSaturating, RealLabel = 0.9, Epochs = 2, SnapshotEpochs = [1, 2], SeedOffset = 303 },
        new() { Name = "vae", Upsampling = ZooUpsampling.TransposedConvolution, Latent = 16, Width = 32, Loss = null, Epochs = 4, SnapshotEpochs = [4], SeedOffset = 404 },
    ];

    /// <summary>Samples per family for training the synthetic detector (spread equally over the snapshots); default 3,000.</summary>
    [Range(64, 100_000)] public int TrainSamples { get; init; } = 3000;

    /// <summary>Samples per family kept for testing (other seeds, never used in training); default 1,000.</summary>
    [Range(10, 100_000)] public int TestSamples { get; init; } = 1000;

    /// <summary>The recipe with every default.</summary>
    public static ZooRecipe Default { get; } = new();
}
