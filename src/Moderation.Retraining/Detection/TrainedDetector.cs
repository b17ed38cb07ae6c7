using Moderation.Export.Detector;
using Moderation.Retraining.Zoo;
using Moderation.Training.Gan;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>A built detector: the graph contents to export, the trained generator, and how building went. Owns the
/// generator; dispose it when done.</summary>
/// <param name="Model">D, the anomaly terms and the synthetic classifier, ready for <see cref="DetectorOnnxExporter"/>.</param>
/// <param name="Generator">The trained G (eval-mode sampling: <see cref="TorchNetwork.Sample"/>).</param>
/// <param name="Training">Training figures of the GAN whose generator this is.</param>
/// <param name="SyntheticFinal">Mean classifier figures over the last 50 fine-tuning steps (default when none).</param>
/// <param name="GanSeconds">Wall time of GAN training (both GANs when there is a feature GAN), s.</param>
/// <param name="FitSeconds">Wall time of fitting the anomaly terms (training the transformation classifier included), s.</param>
/// <param name="FineTuneSeconds">Wall time of fine-tuning the synthetic classifier, s.</param>
public sealed record TrainedDetector(
    DetectorModel Model,
    TorchNetwork Generator,
    GanTrainingResult Training,
    ClassifierStepResult SyntheticFinal,
    double GanSeconds,
    double FitSeconds,
    double FineTuneSeconds) : IDisposable
{
    /// <summary>Last-epoch mean loss (nats) and accuracy of the transformation classifier; null without one.</summary>
    public (double Loss, double Accuracy)? TransformFinal { get; init; }

    /// <summary>The second GAN whose D the anomaly terms read (<see cref="DetectorRecipe.SeparateFeatureGan"/>); null
    /// when they read <see cref="Training"/>'s D. Owned: disposed with this.</summary>
    public GanTrainingResult? FeatureTraining { get; init; }

    /// <summary>The generator families the synthetic classifier was trained against, with their train and test
    /// samples (the pipeline DCGAN's first); empty without a synthetic classifier.</summary>
    public IReadOnlyList<FamilySamples> Zoo { get; init; } = [];

    /// <summary>Wall time of training the zoo and drawing its samples, s.</summary>
    public double ZooSeconds { get; init; }

    /// <summary>Total wall time, s.</summary>
    public double TotalSeconds => GanSeconds + FitSeconds + ZooSeconds + FineTuneSeconds;

    /// <summary>Disposes the networks.</summary>
    public void Dispose()
    {
        Training.Dispose();
        FeatureTraining?.Dispose();
    }
}
