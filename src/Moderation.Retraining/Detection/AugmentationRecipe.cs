using System.ComponentModel.DataAnnotations;

namespace Moderation.Retraining.Detection;

/// <summary>
/// Augmentations applied, independently per image, to the real and the synthetic images the synthetic detector is
/// trained on, so that it learns generation artifacts that survive what happens to a posted image rather than one
/// generator's habits (Wang et al., CVPR 2020: Gaussian blur and JPEG re-encoding, each with probability 0.5 in their
/// best model; here on 28×28 images, with resizing and noise added). Every image ends quantised to 8 bits.
/// </summary>
public sealed record AugmentationRecipe
{
    /// <summary>Probability of a Gaussian blur with σ ~ U(0.3, <see cref="MaxBlurSigma"/>) pixels; default 0.3.</summary>
    [Range(0.0, 1.0)] public double BlurProbability { get; init; } = 0.3;

    /// <summary>Largest blur σ in pixels; default 1.0.</summary>
    [Range(0.3, 5.0)] public double MaxBlurSigma { get; init; } = 1.0;

    /// <summary>Probability of JPEG re-encoding (Skia's libjpeg-turbo) at a quality ~ U(<see cref="MinJpegQuality"/>, 95); default 0.3.</summary>
    [Range(0.0, 1.0)] public double JpegProbability { get; init; } = 0.3;

    /// <summary>Lowest JPEG quality; default 60.</summary>
    [Range(1, 95)] public int MinJpegQuality { get; init; } = 60;

    /// <summary>Probability of a bilinear down-and-up resize through a side ~ U(18, 27) pixels; default 0.2.</summary>
    [Range(0.0, 1.0)] public double ResizeProbability { get; init; } = 0.2;

    /// <summary>Probability of additive Gaussian noise with σ ~ U(0.01, 0.04) (in [−1,1] units); default 0.2.</summary>
    [Range(0.0, 1.0)] public double NoiseProbability { get; init; } = 0.2;

    /// <summary>No augmentation (quantisation only): the baseline recipe's.</summary>
    public static AugmentationRecipe None { get; } = new() { BlurProbability = 0, JpegProbability = 0, ResizeProbability = 0, NoiseProbability = 0 };
}
