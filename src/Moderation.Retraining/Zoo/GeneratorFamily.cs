using System.ComponentModel.DataAnnotations;
using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Zoo;

/// <summary>
/// One family of the generator zoo: an architecture (how it up-samples, latent size, width), how it is trained (GAN
/// loss and real label, or a VAE) and which epochs' snapshots contribute samples (early snapshots keep the artifacts a
/// half-trained generator leaves, late ones look most real).
/// </summary>
public sealed record GeneratorFamily
{
    /// <summary>Short name used in reports and file names, e.g. <c>nearest-hinge</c>.</summary>
    [Required] public required string Name { get; init; }

    /// <summary>How the generator goes from 7×7 to 28×28.</summary>
    public ZooUpsampling Upsampling { get; init; }

    /// <summary>Size of z.</summary>
    [Range(2, 1024)] public int Latent { get; init; } = 64;

    /// <summary>Channels of the widest layer.</summary>
    [Range(2, 1024)] public int Width { get; init; } = 64;

    /// <summary>Adversarial loss; null = the family is a VAE decoder (not a GAN).</summary>
    public GanLoss? Loss { get; init; } = GanLoss.NonSaturating;

    /// <summary>Target of real images for the discriminator (one-sided label smoothing below 1; Salimans et al. 2016).</summary>
    [Range(0.5, 1.0)] public double RealLabel { get; init; } = 1.0;

    /// <summary>Training epochs over the normal images.</summary>
    [Range(1, 100)] public int Epochs { get; init; } = 3;

    /// <summary>1-based epochs after which a snapshot is kept; samples are drawn equally from each (the VAE keeps only
    /// its final decoder).</summary>
    public IReadOnlyList<int> SnapshotEpochs { get; init; } = [1, 3];

    /// <summary>Added to the pipeline seed for this family's weights, noise and shuffling.</summary>
    public long SeedOffset { get; init; }

    /// <summary>The generator (or VAE decoder) spec: z <c>[Latent]</c> → image <c>[1,28,28]</c> in (−1,1).</summary>
    public NetworkSpec GeneratorSpec() => Upsampling switch
    {
        ZooUpsampling.TransposedConvolution when Loss is null => ZooSpecs.VaeDecoder(Latent, Width),
        ZooUpsampling.TransposedConvolution => DcganSpecs.Generator(Latent, Width),
        ZooUpsampling.Nearest => ZooSpecs.UpsampleGenerator(Latent, Width, UpsampleMode.Nearest),
        ZooUpsampling.Bilinear => ZooSpecs.UpsampleGenerator(Latent, Width, UpsampleMode.Bilinear),
        ZooUpsampling.PixelShuffle => ZooSpecs.PixelShuffleGenerator(Latent, Width),
        _ => throw new ArgumentOutOfRangeException(nameof(Upsampling), Upsampling, "unknown up-sampling"),
    };

    /// <summary>One line for reports and the model card, e.g. <c>nearest up-sampling + 3×3 conv, z 64, width 64, hinge, 3 epochs, snapshots 1,3</c>.</summary>
    public string Describe() => $"{Upsampling switch
    {
        ZooUpsampling.TransposedConvolution => "transposed convolution",
        ZooUpsampling.Nearest => "nearest up-sampling + 3×3 conv",
        ZooUpsampling.Bilinear => "bilinear up-sampling + 3×3 conv",
        _ => "3×3 conv + pixel shuffle",
    }}, z {Latent}, width {Width}, {(Loss is { } l ? $"GAN {l}{(RealLabel < 1 ? $" (real label {RealLabel})" : "")}" : "VAE decoder")}, {Epochs} epochs, snapshots {string.Join(',', SnapshotEpochs)}";
}
