using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Core.Metrics;
using Moderation.Core.Models;
using Moderation.Core.Networks;
using Moderation.Onnx.Export;
using Moderation.Training.Data;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Retraining;

/// <summary>
/// The offline retraining job: trains the DCGAN on the pipeline's normal images, exports the discriminator and the
/// generator to ONNX, calibrates each score's threshold at the target FPR on the held-out normal images, measures it
/// on fresh data and writes <c>model-card.json</c>.
/// </summary>
public sealed class RetrainingJob(ILogger<RetrainingJob> logger, TimeProvider? timeProvider = null)
{
    /// <summary>File name of the exported discriminator inside the model folder.</summary>
    public const string DiscriminatorFile = "discriminator.onnx";

    /// <summary>File name of the exported generator inside the model folder.</summary>
    public const string GeneratorFile = "generator.onnx";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Runs the pipeline and writes the model folder.</summary>
    /// <param name="pipeline">A validated pipeline.</param>
    /// <param name="progress">Live training progress.</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <exception cref="InvalidDataException">The data cannot be read or is too small.</exception>
    /// <exception cref="TorchException">libtorch failed.</exception>
    public RetrainingResult Run(TrainingPipeline pipeline, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var wall = Stopwatch.StartNew();
        var h = pipeline.Hyperparameters;
        var normal = NormalImagesLoader.Load(pipeline, cancellationToken: cancellationToken);
        var trainer = new GanTrainer(h, _time);
        using var trained = trainer.Train(normal.Train, normal.TrainCount, progress, cancellationToken);

        var folder = Path.GetFullPath(pipeline.OutputFolder);
        Directory.CreateDirectory(folder);
        var dPath = Path.Combine(folder, DiscriminatorFile);
        var sha = NetworkOnnxExporter.Export(trainer.DiscriminatorSpec, ByName(trained.Discriminator), dPath, new OnnxExportOptions());
        NetworkOnnxExporter.Export(trainer.GeneratorSpec, ByName(trained.Generator), Path.Combine(folder, GeneratorFile), new OnnxExportOptions());

        var calibration = OnnxScoring.Score(dPath, OnnxTensorNames.AnomalyScore, normal.Calibration, normal.CalibrationCount, logger);
        double threshold = ThresholdCalibrator.AtFalsePositiveRate(calibration, h.TargetFpr);
        var metrics = new Dictionary<string, double>
        {
            ["train_images_per_second"] = trained.ImagesPerSecond,
            ["train_steps"] = trained.Steps,
            ["final_d_loss"] = trained.EpochSummaries[^1].DiscriminatorLoss,
            ["final_g_loss"] = trained.EpochSummaries[^1].GeneratorLoss,
        };
        double realised = double.NaN;
        if (pipeline.Dataset!.Kind == PipelineDataset.FashionMnistKind)
            realised = MeasureOnTestSet(pipeline, dPath, trained.Generator, threshold, metrics);

        var card = new ModelCard
        {
            Name = pipeline.Name,
            CreatedAt = _time.GetUtcNow(),
            Dataset = new DatasetInfo
            {
                Name = pipeline.Dataset.Kind,
                NormalClasses = pipeline.Dataset.NormalClasses,
                NormalClassNames = [.. pipeline.Dataset.NormalClasses.Select(c => c < FashionMnist.ClassNames.Count ? FashionMnist.ClassNames[c] : c.ToString())],
                TrainImages = normal.TrainCount,
                CalibrationImages = normal.CalibrationCount,
            },
            Architecture = new Dictionary<string, string>
            {
                ["generator"] = trainer.GeneratorSpec.ToNativeSpec(),
                ["discriminator"] = trainer.DiscriminatorSpec.ToNativeSpec(),
            },
            Hyperparameters = h.ToDictionary(),
            Onnx = new OnnxFileInfo
            {
                File = DiscriminatorFile, Sha256 = sha, Opset = NetworkOnnxExporter.OpsetVersion, Input = OnnxTensorNames.Image,
                Outputs = [OnnxTensorNames.Logit, OnnxTensorNames.Features, OnnxTensorNames.AnomalyScore],
            },
            Thresholds = [new ScoreThreshold { Reason = "abnormal", Output = OnnxTensorNames.AnomalyScore, Value = threshold, TargetFpr = h.TargetFpr, RealisedFpr = realised }],
            Metrics = metrics,
        };
        ModelCardStore.Save(card, folder);
        return new RetrainingResult(folder, card, trained.ImagesPerSecond, wall.Elapsed.TotalSeconds);
    }

    /// <summary>Realised FPR on the normal classes' test images; AUROC against the other classes and against 1,000
    /// generator samples (recorded in <paramref name="metrics"/>).</summary>
    private double MeasureOnTestSet(TrainingPipeline pipeline, string dPath, TorchNetwork generator, double threshold, Dictionary<string, double> metrics)
    {
        var test = FashionMnist.LoadTest(pipeline.Dataset!.ResolvedPath);
        var normalClasses = pipeline.Dataset.NormalClasses.ToHashSet();
        var scores = OnnxScoring.Score(dPath, OnnxTensorNames.AnomalyScore, test.ToTensor(), test.Count, logger);
        var normal = Enumerable.Range(0, test.Count).Where(i => normalClasses.Contains(test.Labels[i])).Select(i => scores[i]).ToArray();
        var other = Enumerable.Range(0, test.Count).Where(i => !normalClasses.Contains(test.Labels[i])).Select(i => scores[i]).ToArray();
        var (samples, _) = generator.Sample(1000, pipeline.Hyperparameters.Seed + 3);
        var synthetic = OnnxScoring.Score(dPath, OnnxTensorNames.AnomalyScore, samples, 1000, logger);
        metrics["auroc_other_classes"] = RankMetrics.Auroc(normal, other);
        metrics["auroc_synthetic"] = RankMetrics.Auroc(normal, synthetic);
        metrics["tpr_other_classes"] = RankMetrics.FractionAbove(other, threshold);
        metrics["tpr_synthetic"] = RankMetrics.FractionAbove(synthetic, threshold);
        double realised = RankMetrics.FractionAbove(normal, threshold);
        metrics["realised_fpr_test"] = realised;
        return realised;
    }

    private static Dictionary<string, NamedTensor> ByName(TorchNetwork network) =>
        network.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal);
}
