using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Core.Networks;
using Moderation.Export.Detector;
using Moderation.Retraining.Zoo;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>
/// Builds a detector from normal images only: trains the DCGAN (keeping a generator snapshot per epoch) and, when the
/// recipe's feature discriminator differs (<see cref="DetectorRecipe.SeparateFeatureGan"/>), a second DCGAN whose D the
/// anomaly terms read; fits the anomaly terms on that D's features of the training images (statistics on a 1 − <see cref="DetectorRecipe.StandardiseFraction"/>
/// share, standardisation on the rest), and fine-tunes a copy of the first GAN's D against its generator's snapshots for <c>synthetic_score</c>.
/// The pipeline's calibration images are not touched here (they calibrate thresholds afterwards).
/// </summary>
public sealed partial class DetectorBuilder(ILogger logger, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Trains and fits.</summary>
    /// <param name="hyperparameters">GAN hyperparameters (epochs, batch, Adam, seed, real label).</param>
    /// <param name="train">Normal training images float32 <c>[trainCount,1,28,28]</c> in [−1,1].</param>
    /// <param name="trainCount">Images in <paramref name="train"/>.</param>
    /// <param name="recipe">Widths, terms and synthetic classifier.</param>
    /// <param name="progress">GAN training progress.</param>
    /// <param name="cancellationToken">Checked between steps.</param>
    /// <exception cref="ArgumentException">The recipe breaks its DataAnnotations (<see cref="RecipeValidator"/>), or a
    /// term taps the transformation classifier but the recipe has none (both checked before any training).</exception>
    /// <exception cref="Moderation.Training.Torch.TrainingDivergedException">A loss or gradient became NaN or infinite.</exception>
    public TrainedDetector Build(TrainingHyperparameters hyperparameters, float[] train, int trainCount, DetectorRecipe recipe,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(recipe);
        RecipeValidator.ThrowIfInvalid(recipe);
        if (recipe.Transform is null && recipe.Terms.FirstOrDefault(t => t.Tap.Network == TapNetwork.TransformClassifier) is { } orphan)
            throw new ArgumentException($"term {orphan} taps the transformation classifier, which the recipe has none of", nameof(recipe));
        var snapshots = new List<TorchNetwork>();
        long start = _time.GetTimestamp();
        GanTrainingResult? trained = null, featureGan = null;
        TorchNetwork? classifier = null, transformNet = null;
        try
        {
            trained = Trainer(hyperparameters, recipe, recipe.DiscriminatorBatchNorm, snapshots).Train(train, trainCount, progress, cancellationToken);
            if (recipe.SeparateFeatureGan)
            {
                LogFeatureGan(recipe.FeatureDiscriminatorBatchNorm);
                featureGan = Trainer(hyperparameters, recipe, recipe.FeatureDiscriminatorBatchNorm, null).Train(train, trainCount, progress, cancellationToken);
            }
            double ganSeconds = _time.GetElapsedTime(start).TotalSeconds;

            start = _time.GetTimestamp();
            var d = (featureGan ?? trained).Discriminator;
            int standardiseCount = Math.Max(2, (int)Math.Round(trainCount * recipe.StandardiseFraction));
            var (fit, fitCount, standardise) = Split(train, trainCount, standardiseCount, d.InputSize, hyperparameters.Seed);
            TransformTerm? transform = null;
            (double, double)? transformFinal = null;
            if (recipe.Transform is { } transformRecipe)
            {
                (transformNet, var loss, var accuracy) = TransformClassifierTrainer.Train(fit, fitCount, transformRecipe, hyperparameters.Seed + 17, cancellationToken);
                var (offset, scale) = TermStatistic.Standardisation(TransformClassifierTrainer.Score(transformNet, standardise, standardiseCount));
                transform = new TransformTerm(transformNet.Spec, ByName(transformNet), offset, scale);
                transformFinal = (loss, accuracy);
                LogTransform(transformRecipe.Epochs, loss, accuracy, offset, scale);
            }
            var terms = new List<AnomalyTerm>();
            foreach (var termRecipe in recipe.Terms)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var network = termRecipe.Tap.Network == TapNetwork.TransformClassifier ? transformNet! : d; // checked on entry
                var term = TermFitter.Fit(network, termRecipe, fit, fitCount, standardise, standardiseCount, recipe.MaxReferences, hyperparameters.Seed);
                LogTerm(termRecipe.ToString(), term.Dimension, term.Offset, term.Scale);
                terms.Add(term);
            }
            var degenerate = recipe.DegenerateCheck ? DegenerateFitter.Fit(fit, fitCount, standardise, standardiseCount, hyperparameters.Seed) : null;
            double fitSeconds = _time.GetElapsedTime(start).TotalSeconds;

            start = _time.GetTimestamp();
            IReadOnlyList<FamilySamples> zoo = [];
            if (recipe.Synthetic is { } zooSynthetic && snapshots.Count > 0)
            {
                var dcgan = $"the pipeline's DCGAN (transposed convolution, z {hyperparameters.LatentSize}, width {recipe.GeneratorWidth}, GAN NonSaturating, {hyperparameters.Epochs} epochs, snapshots {zooSynthetic.FirstSnapshotEpoch}–{hyperparameters.Epochs})";
                zoo = zooSynthetic.Zoo is { } zooRecipe
                    ? new ZooTrainer(logger, _time).Train(hyperparameters, train, trainCount, zooRecipe, snapshots, dcgan, cancellationToken)
                    : [ZooTrainer.Draw(ZooRecipe.DcganFamily, dcgan, snapshots, ZooRecipe.Default, hyperparameters.Seed, 0)];
            }
            double zooSeconds = _time.GetElapsedTime(start).TotalSeconds;

            start = _time.GetTimestamp();
            ClassifierStepResult final = default;
            SpectralTerm? spectral = null;
            if (recipe.Synthetic is { } synthetic && zoo.Count > 0)
            {
                (classifier, final) = SyntheticFineTuner.FineTune(trained.Discriminator, zoo, train, trainCount, synthetic, hyperparameters.Seed, cancellationToken);
                LogSynthetic(zoo.Count, final.Loss, final.RealProbability, final.FakeProbability);
                if (synthetic.Spectral)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    spectral = SpectralFitter.Fit(train, trainCount, zoo, SpectralFitter.ClassifierScores(classifier, train, trainCount), d.Spec.InputShape[^1]);
                    LogSpectral(spectral.Weight);
                }
            }
            double tuneSeconds = _time.GetElapsedTime(start).TotalSeconds;

            var model = new DetectorModel
            {
                Discriminator = d.Spec,
                DiscriminatorParameters = ByName(d),
                AnomalyTerms = terms,
                Transform = transform,
                Degenerate = degenerate,
                SyntheticParameters = classifier is null ? null : ByName(classifier),
                SyntheticSpec = classifier is null || featureGan is null ? null : classifier.Spec,
                Spectral = spectral,
            };
            return new TrainedDetector(model, trained.Generator, trained, final, ganSeconds, fitSeconds, tuneSeconds)
            {
                TransformFinal = transformFinal, FeatureTraining = featureGan, Zoo = zoo, ZooSeconds = zooSeconds,
            };
        }
        catch
        {
            trained?.Dispose();
            featureGan?.Dispose();
            throw;
        }
        finally
        {
            classifier?.Dispose();
            transformNet?.Dispose();
            foreach (var s in snapshots) s.Dispose();
        }
    }

    /// <summary>A DCGAN trainer with the recipe's widths; <paramref name="snapshots"/> (when given) collects a copy of G
    /// after each epoch from the synthetic recipe's first snapshot epoch on.</summary>
    private GanTrainer Trainer(TrainingHyperparameters hyperparameters, DetectorRecipe recipe, bool batchNorm, List<TorchNetwork>? snapshots) =>
        new(hyperparameters, _time)
        {
            GeneratorSpec = DcganSpecs.Generator(hyperparameters.LatentSize, recipe.GeneratorWidth),
            DiscriminatorSpec = DcganSpecs.Discriminator(recipe.DiscriminatorWidth, batchNorm),
            EpochCompleted = (epoch, g, _) =>
            {
                if (snapshots is not null && recipe.Synthetic is { } s && epoch >= s.FirstSnapshotEpoch) snapshots.Add(g.Copy());
            },
        };

    /// <summary>Holds out an evenly spread, seeded share of the training images for standardisation.</summary>
    internal static (float[] Fit, int FitCount, float[] Standardise) Split(float[] images, int count, int held, int size, long seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(unchecked((int)seed) ^ 0x57A7).Shuffle(order);
        var heldOut = order[..held].Order().ToArray();
        var kept = order[held..].Order().ToArray();
        return (Gather(images, kept, size), kept.Length, Gather(images, heldOut, size));
    }

    private static float[] Gather(float[] images, int[] indices, int size)
    {
        var result = new float[(long)indices.Length * size];
        for (int i = 0; i < indices.Length; i++) images.AsSpan(indices[i] * size, size).CopyTo(result.AsSpan(i * size, size));
        return result;
    }

    private static Dictionary<string, NamedTensor> ByName(TorchNetwork network) =>
        network.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "training the feature GAN (discriminator BatchNorm: {BatchNorm}) whose D the anomaly terms read")]
    private partial void LogFeatureGan(bool batchNorm);

    [LoggerMessage(Level = LogLevel.Information, Message = "anomaly term {Term}: F = {Dimension}, offset {Offset:G4}, scale {Scale:G4}")]
    private partial void LogTerm(string term, int dimension, double offset, double scale);

    [LoggerMessage(Level = LogLevel.Information, Message = "transformation classifier, {Epochs} epochs: loss {Loss:F3}, accuracy {Accuracy:P1}; term offset {Offset:G4}, scale {Scale:G4}")]
    private partial void LogTransform(int epochs, double loss, double accuracy, double offset, double scale);

    [LoggerMessage(Level = LogLevel.Information, Message = "synthetic classifier fine-tuned against {Families} generator families: loss {Loss:F3}, p(real) {Real:F2}, p(fake) {Fake:F2}")]
    private partial void LogSynthetic(int families, float loss, float real, float fake);

    [LoggerMessage(Level = LogLevel.Information, Message = "spectral branch fitted: weight {Weight:G4} in synthetic_score")]
    private partial void LogSpectral(double weight);
}
