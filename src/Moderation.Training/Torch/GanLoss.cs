namespace Moderation.Training.Torch;

/// <summary>The adversarial loss of a <see cref="GanOptimizer"/> step (D's logits l; real target the real label y).</summary>
public enum GanLoss
{
    /// <summary>BCE-with-logits: D minimises BCE(l_real, y) + BCE(l_fake, 0); G, non-saturating, BCE(l_fake, 1)
    /// (Goodfellow et al. 2014; the DCGAN paper's).</summary>
    NonSaturating,

    /// <summary>Hinge: D minimises mean(relu(1 − l_real)) + mean(relu(1 + l_fake)); G minimises −mean(l_fake)
    /// (Lim &amp; Ye 2017, "Geometric GAN"; Miyato et al. 2018). The real label is not used.</summary>
    Hinge,

    /// <summary>Least squares: D minimises ½mean((l_real − y)²) + ½mean(l_fake²); G minimises ½mean((l_fake − 1)²)
    /// (Mao et al. 2017, "Least Squares GAN", the 0-1 coding).</summary>
    LeastSquares,
}
