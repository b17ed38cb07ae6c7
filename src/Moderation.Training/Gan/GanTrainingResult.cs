using Moderation.Training.Torch;

namespace Moderation.Training.Gan;

/// <summary>The trained networks and how training went. Owns both networks: dispose it (or them) when done.</summary>
/// <param name="Generator">G: z float32 <c>[N,latent]</c> ~ N(0,1) → images <c>[N,1,28,28]</c> in (−1,1).</param>
/// <param name="Discriminator">D: images float32 <c>[N,1,28,28]</c> in [−1,1] → logit <c>[N,1]</c>; features at
/// <c>Spec.FeatureLayer</c>.</param>
/// <param name="EpochSummaries">One entry per epoch, averaged over its steps.</param>
/// <param name="Steps">Optimisation steps taken.</param>
/// <param name="ImagesPerSecond">Real images per second of wall time over the whole run.</param>
public sealed record GanTrainingResult(
    TorchNetwork Generator,
    TorchNetwork Discriminator,
    IReadOnlyList<TrainingProgress> EpochSummaries,
    long Steps,
    double ImagesPerSecond) : IDisposable
{
    /// <summary>Disposes both networks.</summary>
    public void Dispose()
    {
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
