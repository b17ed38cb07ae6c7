namespace Moderation.Training.Gan;

/// <summary>Training figures averaged over the steps since the previous report (or over a whole epoch in
/// <see cref="GanTrainingResult.EpochSummaries"/>).</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">1-based step within the epoch (the last step covered).</param>
/// <param name="StepsPerEpoch">Steps per epoch = ⌊images / batch size⌋.</param>
/// <param name="DiscriminatorLoss">Mean D loss, BCE(D(x), real label) + BCE(D(G(z)), 0), in nats.</param>
/// <param name="GeneratorLoss">Mean non-saturating G loss BCE(D(G(z)), 1), in nats.</param>
/// <param name="RealProbability">Mean D(x) = σ(logit) on real images.</param>
/// <param name="FakeProbability">Mean D(G(z)) on generated images (before the D update).</param>
/// <param name="ImagesPerSecond">Real images trained on per second of wall time over the covered steps.</param>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    int Step,
    int StepsPerEpoch,
    double DiscriminatorLoss,
    double GeneratorLoss,
    double RealProbability,
    double FakeProbability,
    double ImagesPerSecond);
