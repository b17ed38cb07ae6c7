using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Core.Metrics;
using Moderation.Core.Models;
using Moderation.Core.Networks;
using Moderation.Evaluation.Metrics;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Data;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Retraining;

/// <summary>
/// The offline retraining job: builds the detector on the pipeline's normal images (<see cref="DetectorBuilder"/>:
/// DCGAN, in-graph anomaly terms on D's features, synthetic classifier fine-tuned against generator snapshots),
/// exports it and the generator to ONNX, calibrates the <c>abnormal</c> (<c>anomaly_score</c>) and <c>synthetic</c>
/// (<c>synthetic_score</c>) thresholds at the target FPR on the held-out normal images, measures them on fresh data
/// and writes <c>model-card.json</c>.
/// </summary>
public sealed class RetrainingJob(ILogger<RetrainingJob> logger, TimeProvider? timeProvider = null)
{
    /// <summary>File name of the exported detector (discriminator + score heads) inside the model folder.</summary>
    public const string DiscriminatorFile = "discriminator.onnx";

    /// <summary>File name of the exported generator inside the model folder.</summary>
    public const string GeneratorFile = "generator.onnx";

    /// <summary>Folder inside the model folder with one PNG per zoo family (<see cref="SamplesPath"/>).</summary>
    public const string SamplesFolder = "samples";

    /// <summary>Test samples kept per zoo family (seeds never used in training), as a 10×10 grid.</summary>
    public const int KeptSamples = 100;

    /// <summary>Verdict reason of <c>anomaly_score</c>.</summary>
    public const string AbnormalReason = "abnormal";

    /// <summary>Verdict reason of <c>synthetic_score</c>.</summary>
    public const string SyntheticReason = "synthetic";

    /// <summary>Verdict reason of <c>degenerate_score</c>: the image's global statistics (brightness, contrast, edge
    /// density, background share, row and column profiles) lie far from the normal images' (flat, near-flat, noise,
    /// stripes, lines, text on a plain background).</summary>
    public const string DegenerateReason = "degenerate";

    /// <summary>Seed offset of the generator samples that measure the synthetic score (distinct from fine-tuning's).</summary>
    internal const long MeasureSampleSeedOffset = 3;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Widths, anomaly terms and synthetic classifier; default <see cref="DetectorRecipe.Default"/>.</summary>
    public DetectorRecipe Recipe { get; init; } = DetectorRecipe.Default;

    /// <summary>Runs the pipeline and writes the model folder.</summary>
    /// <param name="pipeline">A validated pipeline.</param>
    /// <param name="progress">Live training progress.</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <exception cref="InvalidDataException">The data cannot be read or is too small.</exception>
    /// <exception cref="Moderation.Training.Torch.TrainingDivergedException">A loss or gradient became NaN or infinite.</exception>
    public RetrainingResult Run(TrainingPipeline pipeline, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var wall = Stopwatch.StartNew();
        var h = pipeline.Hyperparameters;
        var normal = NormalImagesLoader.Load(pipeline, cancellationToken: cancellationToken);
        // fail before minutes of training when the conformal allowance cannot cover every score of the verdict
        int scoreCount = VerdictOutputs(Recipe.DegenerateCheck, Recipe.Synthetic is not null).Count;
        if (normal.CalibrationCount < ConformalCalibration.MinimumImages(scoreCount, h.TargetFpr))
            throw new InvalidDataException($"{normal.CalibrationCount} calibration images are too few for {scoreCount} scores at FPR {h.TargetFpr}: " +
                $"the conformal allowance needs at least {ConformalCalibration.MinimumImages(scoreCount, h.TargetFpr)}");
        using var detector = new DetectorBuilder(logger, _time).Build(h, normal.Train, normal.TrainCount, Recipe, progress, cancellationToken);

        var folder = Path.GetFullPath(pipeline.OutputFolder);
        Directory.CreateDirectory(folder);
        var dPath = Path.Combine(folder, DiscriminatorFile);
        var sha = DetectorOnnxExporter.Export(detector.Model, dPath, new OnnxExportOptions());
        NetworkOnnxExporter.Export(detector.Generator.Spec, detector.Generator.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal),
            Path.Combine(folder, GeneratorFile), new OnnxExportOptions());

        WriteZooSamples(folder, detector.Zoo);

        var outputs = ScoreOutputs(detector.Model);
        var calibration = OnnxScoring.ScoreAll(dPath, outputs, normal.Calibration, normal.CalibrationCount);
        var joint = ConformalCalibration.Jointly(calibration, h.TargetFpr); // a verdict flags when any score is above its threshold
        var thresholds = joint.Thresholds.ToArray();
        var metrics = Metrics(detector);
        if (detector.TransformFinal is { } transform)
            (metrics["transform_classifier_final_loss"], metrics["transform_classifier_final_accuracy"]) = transform;
        metrics["verdict_target_fpr"] = h.TargetFpr;
        metrics["verdict_calibration_fpr"] = joint.UnionFpr;
        var realised = new double[outputs.Count];
        Array.Fill(realised, double.NaN);
        if (pipeline.Dataset!.Kind == PipelineDataset.FashionMnistKind)
            realised = MeasureOnTestSet(pipeline, dPath, detector.Generator, outputs, thresholds, metrics,
                detector.Model.SyntheticParameters is null ? [] : detector.Zoo);
        metrics["wall_seconds"] = wall.Elapsed.TotalSeconds;

        var card = new ModelCard
        {
            Name = pipeline.Name,
            CreatedAt = _time.GetUtcNow(),
            Dataset = new DatasetInfo
            {
                Name = pipeline.Dataset.Kind,
                NormalClasses = pipeline.Dataset.NormalClasses,
                NormalClassNames = [.. pipeline.Dataset.NormalClasses.Select(c => c < FashionMnist.ClassNames.Count ? FashionMnist.ClassNames[c] : c.ToString(CultureInfo.InvariantCulture))],
                TrainImages = normal.TrainCount,
                CalibrationImages = normal.CalibrationCount,
            },
            Architecture = Architecture(detector),
            Hyperparameters = h.ToDictionary(),
            Onnx = new OnnxFileInfo
            {
                File = DiscriminatorFile, Sha256 = sha, Opset = NetworkOnnxExporter.OpsetVersion, Input = OnnxTensorNames.Image,
                Outputs = [OnnxTensorNames.Logit, OnnxTensorNames.Features, .. outputs],
            },
            Thresholds = [.. outputs.Select((o, i) => new ScoreThreshold
            {
                Reason = ReasonOf(o),
                Output = o, Value = thresholds[i], TargetFpr = joint.PerScoreFpr, RealisedFpr = realised[i],
            })],
            Metrics = metrics,
        };
        ModelCardStore.Save(card, folder);
        return new RetrainingResult(folder, card, detector.Training.ImagesPerSecond, wall.Elapsed.TotalSeconds);
    }

    /// <summary>The PNG of a zoo family's kept test samples inside a model folder: <see cref="KeptSamples"/> 28×28 tiles,
    /// 10 per row, one pixel apart, 8-bit gray (v = byte/127.5 − 1 gives the samples back exactly).</summary>
    public static string SamplesPath(string modelFolder, string family) => Path.Combine(modelFolder, SamplesFolder, family + ".png");

    private static void WriteZooSamples(string folder, IReadOnlyList<Zoo.FamilySamples> zoo)
    {
        var samples = Path.Combine(folder, SamplesFolder);
        if (Directory.Exists(samples)) Directory.Delete(samples, recursive: true); // an earlier run's families
        if (zoo.Count == 0) return;
        Directory.CreateDirectory(samples);
        foreach (var family in zoo)
            File.WriteAllBytes(SamplesPath(folder, family.Name), Zoo.SampleGrid.Png(family.Test, Math.Min(KeptSamples, family.TestCount), columns: 10, rows: KeptSamples / 10));
    }

    /// <summary><c>anomaly_score</c>, <c>degenerate_score</c> when the model has the degenerate check, and
    /// <c>synthetic_score</c> when it has the synthetic classifier: the scores of the verdict.</summary>
    internal static IReadOnlyList<string> ScoreOutputs(DetectorModel model) =>
        VerdictOutputs(model.Degenerate is not null, model.SyntheticParameters is not null);

    /// <summary>The verdict's scores for a detector with or without the degenerate check and the synthetic classifier:
    /// what <see cref="ScoreOutputs"/> returns for the built model, and what the calibration-size check counts before
    /// training from the recipe.</summary>
    private static IReadOnlyList<string> VerdictOutputs(bool degenerate, bool synthetic) =>
    [
        OnnxTensorNames.AnomalyScore,
        .. degenerate ? [DetectorTensorNames.DegenerateScore] : Array.Empty<string>(),
        .. synthetic ? [DetectorTensorNames.SyntheticScore] : Array.Empty<string>(),
    ];

    /// <summary>The verdict reason of an output.</summary>
    internal static string ReasonOf(string output) => output switch
    {
        OnnxTensorNames.AnomalyScore => AbnormalReason,
        DetectorTensorNames.DegenerateScore => DegenerateReason,
        _ => SyntheticReason,
    };

    private static Dictionary<string, string> Architecture(TrainedDetector detector) => new()
    {
        ["generator"] = detector.Generator.Spec.ToNativeSpec(),
        ["discriminator"] = detector.Model.Discriminator.ToNativeSpec(),
        ["anomaly_score"] = "sum of standardised terms: " + string.Join("; ", detector.Model.AnomalyTerms.Select(t => t switch
        {
            GaussianTerm g => $"gaussian@{t.Tap} F={t.Dimension} K={g.Rank}",
            NearestNeighbourTerm n => $"nearest_neighbour@{t.Tap} F={t.Dimension} K={n.Rank} B={n.ReferenceCount}",
            _ => t.Kind,
        }).Concat(detector.Model.Transform is null ? [] : ["geom: -sum_t log p(t | t(x)) of a transformation classifier over the 8 dihedral transforms"])),
        ["transform_classifier"] = detector.Model.Transform?.Spec.ToNativeSpec() ?? "none",
        ["synthetic_score"] = detector.Model.SyntheticParameters is null ? "none" : "-logit of a discriminator copy fine-tuned against the generator zoo (real and synthetic images augmented: blur, JPEG, resize, noise)"
            + (detector.Model.Spectral is { } spectral ? $", plus {spectral.Weight.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} x a logistic regression on the log-magnitude DCT spectrum fitted against the same families" : ""),
        ["zoo"] = string.Join("\n", detector.Zoo.Select(f => $"{f.Name}: {f.Description}")),
        ["zoo_samples"] = detector.Zoo.Count == 0 ? "none" : $"{SamplesFolder}/<family>.png: {KeptSamples} test samples per family (seeds never used in training), 10×10 tiles of 28×28, 1-pixel gaps, 8-bit gray",
        ["degenerate_score"] = detector.Model.Degenerate is null ? "none" : "standardised Mahalanobis distance (Gaussian, Ledoit-Wolf) of 7 image statistics: mean, ln sd, ln mean |dx|, ln mean |dy|, share below -0.9, ln sd of row means, ln sd of column means",
        ["synthetic_classifier"] = detector.Model.SyntheticParameters is null ? "none" : (detector.Model.SyntheticSpec ?? detector.Model.Discriminator).ToNativeSpec(),
        ["anomaly_discriminator"] = detector.FeatureTraining is null ? "the generator's GAN" : "a second GAN's (same images and hyperparameters)",
    };

    private static Dictionary<string, double> Metrics(TrainedDetector detector)
    {
        var metrics = new Dictionary<string, double>
        {
            ["train_images_per_second"] = detector.Training.ImagesPerSecond,
            ["train_steps"] = detector.Training.Steps,
            ["final_d_loss"] = detector.Training.EpochSummaries[^1].DiscriminatorLoss,
            ["final_g_loss"] = detector.Training.EpochSummaries[^1].GeneratorLoss,
            ["gan_seconds"] = detector.GanSeconds,
            ["fit_seconds"] = detector.FitSeconds,
            ["fine_tune_seconds"] = detector.FineTuneSeconds,
            ["synthetic_classifier_final_loss"] = detector.SyntheticFinal.Loss,
        };
        if (detector.FeatureTraining is { } feature)
        {
            metrics["feature_gan_final_d_loss"] = feature.EpochSummaries[^1].DiscriminatorLoss;
            metrics["feature_gan_final_g_loss"] = feature.EpochSummaries[^1].GeneratorLoss;
        }
        return metrics;
    }

    /// <summary>Realised FPR of each threshold and of the verdict (any score above its threshold) on the normal classes'
    /// test images; AUROC of each score against the other classes and against 1,000 generator samples (recorded in
    /// <paramref name="metrics"/>).</summary>
    private double[] MeasureOnTestSet(TrainingPipeline pipeline, string dPath, TorchNetwork generator, IReadOnlyList<string> outputs,
        double[] thresholds, Dictionary<string, double> metrics, IReadOnlyList<Zoo.FamilySamples> zoo)
    {
        var test = FashionMnist.LoadTest(pipeline.Dataset!.ResolvedPath);
        var normalClasses = pipeline.Dataset.NormalClasses.ToHashSet();
        var scores = OnnxScoring.ScoreAll(dPath, outputs, test.ToTensor(), test.Count);
        var (samples, _) = generator.Sample(1000, pipeline.Hyperparameters.Seed + MeasureSampleSeedOffset);
        var synthetic = OnnxScoring.ScoreAll(dPath, outputs, samples, 1000);
        var realised = new double[outputs.Count];
        for (int o = 0; o < outputs.Count; o++)
        {
            var normal = Enumerable.Range(0, test.Count).Where(i => normalClasses.Contains(test.Labels[i])).Select(i => scores[o][i]).ToArray();
            var other = Enumerable.Range(0, test.Count).Where(i => !normalClasses.Contains(test.Labels[i])).Select(i => scores[o][i]).ToArray();
            var name = outputs[o];
            metrics[$"{name}.auroc_other_classes"] = DetectionMetrics.Auroc(normal, other);
            metrics[$"{name}.auroc_generator_samples"] = DetectionMetrics.Auroc(normal, synthetic[o]);
            metrics[$"{name}.tpr_other_classes"] = RankMetrics.FractionAbove(other, thresholds[o]);
            metrics[$"{name}.tpr_generator_samples"] = RankMetrics.FractionAbove(synthetic[o], thresholds[o]);
            realised[o] = RankMetrics.FractionAbove(normal, thresholds[o]);
            metrics[$"{name}.realised_fpr_test"] = realised[o];
        }

        var normalImages = Enumerable.Range(0, test.Count).Where(i => normalClasses.Contains(test.Labels[i])).ToArray();
        metrics["verdict_realised_fpr_test"] = normalImages.Count(i => Enumerable.Range(0, outputs.Count).Any(o => scores[o][i] > thresholds[o])) / (double)normalImages.Length;
        var interval = BinomialInterval.Of(normalImages.Length, pipeline.Hyperparameters.TargetFpr);
        metrics["verdict_fpr_interval_low"] = interval.Low;
        metrics["verdict_fpr_interval_high"] = interval.High;
        metrics["verdict_fpr_test_images"] = normalImages.Length;
        metrics["verdict_fpr_inside_interval"] = interval.Contains(metrics["verdict_realised_fpr_test"]) ? 1 : 0;
        foreach (var family in zoo)
        {
            var familyScores = OnnxScoring.ScoreAll(dPath, outputs, family.Test, family.TestCount);
            metrics[$"verdict_tpr_zoo.{family.Name}"] = ConformalCalibration.FlaggedShare(familyScores, thresholds);
            metrics[$"synthetic_score.auroc_zoo.{family.Name}"] = DetectionMetrics.Auroc(
                scores[^1].Where((_, i) => normalClasses.Contains(test.Labels[i])).ToArray(), familyScores[^1]);
        }
        metrics["verdict_tpr_other_classes"] = Enumerable.Range(0, test.Count).Where(i => !normalClasses.Contains(test.Labels[i]))
            .Count(i => Enumerable.Range(0, outputs.Count).Any(o => scores[o][i] > thresholds[o])) / (double)(test.Count - normalImages.Length);
        return realised;
    }
}
