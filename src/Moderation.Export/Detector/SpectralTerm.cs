namespace Moderation.Export.Detector;

/// <summary>
/// The frequency-domain branch of <c>synthetic_score</c>: a logistic regression on the log-magnitude DCT spectrum of the
/// image, log(|C·X·Cᵀ| + ε) (<see cref="DctBasis"/>; the cue of Frank et al., "Leveraging Frequency Analysis for Deep
/// Fake Image Recognition", ICML 2020: up-sampling leaves periodic traces in the spectrum), added to the synthetic
/// classifier's score: synthetic_score = −logit + <see cref="Weight"/>·(wᵀ·f + b).
/// </summary>
/// <param name="Weights">w, float32 <c>[H·W]</c>, row-major over the DCT coefficients (vertical frequency, horizontal
/// frequency); the features' standardisation is folded in.</param>
/// <param name="Bias">b.</param>
/// <param name="Weight">The branch's weight in <c>synthetic_score</c> (&gt; 0): the ratio of the two parts' standard
/// deviations on normal training images, so that each moves the score by as much.</param>
public sealed record SpectralTerm(float[] Weights, double Bias, double Weight)
{
    /// <summary>ε inside the logarithm (the spectrum of an image in [−1,1]).</summary>
    public const float Epsilon = 1e-3f;

    /// <summary>Checks the shapes against an <paramref name="height"/>×<paramref name="width"/> image.</summary>
    /// <exception cref="ArgumentException">Not square, a weight count other than H·W, or a non-finite or non-positive value.</exception>
    public void Validate(int height, int width)
    {
        if (height != width) throw new ArgumentException($"the spectral term needs a square image, got {height}×{width}");
        if (Weights.Length != height * width)
            throw new ArgumentException($"the spectral term holds {Weights.Length} weights for a {height}×{width} image");
        if (Weights.Any(w => !float.IsFinite(w)) || !double.IsFinite(Bias) || !(Weight > 0) || !double.IsFinite(Weight))
            throw new ArgumentException("the spectral term's weights and bias must be finite and its weight > 0");
    }
}
