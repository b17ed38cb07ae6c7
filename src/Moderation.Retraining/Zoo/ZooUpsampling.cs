namespace Moderation.Retraining.Zoo;

/// <summary>How a zoo generator up-samples from 7×7 to 28×28 (the artifact each leaves differs: Odena et al. 2016;
/// Durall et al. CVPR 2020).</summary>
public enum ZooUpsampling
{
    /// <summary>4×4 stride-2 transposed convolutions (DCGAN; the VAE decoder).</summary>
    TransposedConvolution,

    /// <summary>Nearest-neighbour ×2 then a 3×3 convolution.</summary>
    Nearest,

    /// <summary>Bilinear ×2 then a 3×3 convolution.</summary>
    Bilinear,

    /// <summary>A 3×3 convolution to 4× the channels then a ×2 pixel shuffle.</summary>
    PixelShuffle,
}
