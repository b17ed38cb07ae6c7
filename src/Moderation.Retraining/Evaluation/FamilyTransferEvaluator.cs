using Microsoft.Extensions.Logging;
using Moderation.Core.Metrics;
using Moderation.Evaluation.Metrics;
using Moderation.Evaluation.Results;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Retraining.Zoo;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Evaluation;

/// <summary>
/// Leave-one-family-out: for each family F of a detector's zoo, fine-tunes a synthetic classifier from the same
/// discriminator against the other families (same recipe; its spectral branch, when the recipe has one, is fitted
/// against the same families), exports it to ONNX and scores through ONNX Runtime the
/// calibration images, the normal test images and F's test samples; the verdict's thresholds are calibrated jointly
/// with the model's other scores (<see cref="ConformalCalibration.Jointly"/>). The baseline
/// classifier (<see cref="SyntheticRecipe.SingleGenerator"/>, with the same number of steps) and an ablation without the
/// zoo (this recipe against the pipeline DCGAN only) are scored on the same samples.
/// The pipeline DCGAN's fold is not a held-out test (the discriminator was trained against that generator): it is
/// marked <see cref="FamilyTransferResult.InDiscriminatorTraining"/> and left out of the means.
/// </summary>
internal sealed partial class FamilyTransferEvaluator(ILogger logger, TimeProvider time)
{
    /// <summary>The other scores of the verdict (e.g. anomaly, degenerate) on the same images.</summary>
    /// <param name="Calibration">Per output, one score per calibration image.</param>
    /// <param name="NormalTest">Per output, one score per normal test image.</param>
    /// <param name="Families">Per family name, per output, one score per test sample.</param>
    internal sealed record FixedScores(double[][] Calibration, double[][] NormalTest, IReadOnlyDictionary<string, double[][]> Families);

    public ClassTransferResult Run(int classIndex, string className, TrainedDetector detector, SyntheticRecipe recipe,
        float[] train, int trainCount, float[] calibration, int calibrationCount, float[] normalTest, int normalTestCount,
        FixedScores fixedScores, double targetFpr, long seed, string workFolder, CancellationToken cancellationToken)
    {
        long start = time.GetTimestamp();
        var zoo = detector.Zoo;
        var dcganOnly = zoo.Where(f => f.Name == ZooRecipe.DcganFamily).ToArray();
        var baseline = Classifier(detector, dcganOnly, SyntheticRecipe.SingleGenerator with { Steps = recipe.Steps },
            train, trainCount, seed, Path.Combine(workFolder, "baseline.onnx"), cancellationToken);
        var ablation = Classifier(detector, dcganOnly, recipe with { Zoo = null }, train, trainCount, seed,
            Path.Combine(workFolder, "dcgan-only.onnx"), cancellationToken);
        var rows = new List<FamilyTransferResult>();
        foreach (var held in zoo)
        {
            var fold = Classifier(detector, zoo.Where(f => f != held).ToArray(), recipe, train, trainCount, seed,
                Path.Combine(workFolder, $"fold-{held.Name}.onnx"), cancellationToken);
            var fold1 = Measure(fold, held, calibration, calibrationCount, normalTest, normalTestCount, fixedScores, targetFpr);
            // every fold starts from the GAN's discriminator, which was trained against the pipeline DCGAN: that row is
            // reported but is not a held-out test
            bool seen = held.Name == ZooRecipe.DcganFamily;
            var row = fold1 with { Family = held.Name, Description = held.Description, Samples = held.TestCount, InDiscriminatorTraining = seen };
            if (!seen)
            {
                var b = Measure(baseline, held, calibration, calibrationCount, normalTest, normalTestCount, fixedScores, targetFpr);
                var a = Measure(ablation, held, calibration, calibrationCount, normalTest, normalTestCount, fixedScores, targetFpr);
                row = row with { BaselineAuroc = b.Auroc, BaselineVerdictTpr = b.VerdictTpr, DcganOnlyAuroc = a.Auroc, DcganOnlyVerdictTpr = a.VerdictTpr };
            }
            LogFold(classIndex, held.Name, row.Auroc, row.VerdictTpr, row.BaselineAuroc, row.BaselineVerdictTpr);
            rows.Add(row);
            File.Delete(fold.Path);
        }
        File.Delete(baseline.Path);
        File.Delete(ablation.Path);
        return new ClassTransferResult
        {
            ClassIndex = classIndex, ClassName = className, Families = rows, ZooSeconds = detector.ZooSeconds,
            Seconds = time.GetElapsedTime(start).TotalSeconds,
            SampleGrids = zoo.ToDictionary(f => f.Name, f => SampleGrid.Png(f.Test, f.TestCount), StringComparer.Ordinal),
        };
    }

    /// <summary>A fold's synthetic score: the exported classifier (its <c>anomaly_score</c> output is −logit) plus,
    /// when the recipe has it, the spectral branch fitted against the same families. Scores are kept per image array, so
    /// the baseline's and the ablation's calibration and normal test scores are computed once, not once per family.</summary>
    private sealed class FoldScorer(string path, SpectralTerm? spectral, int side)
    {
        private readonly Dictionary<float[], double[]> _scored = new(ReferenceEqualityComparer.Instance);

        public string Path => path;

        public double[] Score(float[] images, int count)
        {
            if (_scored.TryGetValue(images, out var known)) return known;
            var scores = OnnxScoring.ScoreAll(path, [OnnxTensorNames.AnomalyScore], images, count)[0];
            if (spectral is not null)
            {
                var branch = SpectralFitter.Score(spectral, images, count, side);
                for (int i = 0; i < scores.Length; i++) scores[i] += branch[i];
            }
            return _scored[images] = scores;
        }
    }

    /// <summary>Fine-tunes a classifier against <paramref name="families"/>, exports it and fits its spectral branch.</summary>
    private static FoldScorer Classifier(TrainedDetector detector, IReadOnlyList<FamilySamples> families, SyntheticRecipe recipe,
        float[] train, int trainCount, long seed, string path, CancellationToken cancellationToken)
    {
        var (classifier, _) = SyntheticFineTuner.FineTune(detector.Training.Discriminator, families, train, trainCount, recipe, seed, cancellationToken);
        using (classifier)
        {
            NetworkOnnxExporter.Export(classifier.Spec, classifier.Parameters().ToDictionary(p => p.Name, StringComparer.Ordinal), path, new OnnxExportOptions());
            int side = classifier.Spec.InputShape[^1];
            var spectral = recipe.Spectral
                ? SpectralFitter.Fit(train, trainCount, families, SpectralFitter.ClassifierScores(classifier, train, trainCount), side)
                : null;
            return new FoldScorer(path, spectral, side);
        }
    }

    private static FamilyTransferResult Measure(FoldScorer scorer, FamilySamples held, float[] calibration, int calibrationCount,
        float[] normalTest, int normalTestCount, FixedScores fixedScores, double targetFpr)
    {
        var cal = scorer.Score(calibration, calibrationCount);
        var test = scorer.Score(normalTest, normalTestCount);
        var fake = scorer.Score(held.Test, held.TestCount);
        var joint = ConformalCalibration.Jointly([.. fixedScores.Calibration, cal], targetFpr);
        double[][] normal = [.. fixedScores.NormalTest, test], fakes = [.. fixedScores.Families[held.Name], fake];
        return new FamilyTransferResult
        {
            Family = held.Name, Description = held.Description,
            Auroc = DetectionMetrics.Auroc(test, fake),
            SyntheticTpr = RankMetrics.FractionAbove(fake, joint.Thresholds[^1]),
            VerdictTpr = ConformalCalibration.FlaggedShare(fakes, joint.Thresholds),
            VerdictRealisedFpr = ConformalCalibration.FlaggedShare(normal, joint.Thresholds),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "class {Class}, held-out family {Family}: AUROC {Auroc:F4}, verdict TPR {Tpr:P1} (baseline {BaselineAuroc:F4}, {BaselineTpr:P1})")]
    private partial void LogFold(int @class, string family, double auroc, double tpr, double baselineAuroc, double baselineTpr);
}
