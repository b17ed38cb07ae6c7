namespace Moderation.Training.Torch;

/// <summary>Figures of one GAN step (Goodfellow et al. 2014 notation).</summary>
/// <param name="DiscriminatorLoss">BCE(D(x), real label) + BCE(D(G(z)), 0), before the D update (nats).</param>
/// <param name="GeneratorLoss">Non-saturating loss BCE(D(G(z)), 1) after the D update (nats).</param>
/// <param name="RealProbability">Mean σ(D(x)) over the batch, in (0,1).</param>
/// <param name="FakeProbability">Mean σ(D(G(z))) over the batch before the D update, in (0,1).</param>
public readonly record struct GanStepResult(float DiscriminatorLoss, float GeneratorLoss, float RealProbability, float FakeProbability);
