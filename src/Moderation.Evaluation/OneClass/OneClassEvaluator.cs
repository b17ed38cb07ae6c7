using Moderation.Core.Metrics;
using Moderation.Evaluation.Metrics;
using Moderation.Evaluation.Results;
using Moderation.Evaluation.Roc;

namespace Moderation.Evaluation.OneClass;

/// <summary>
/// Figures of a one-class experiment from its scores (pure functions): AUROC and AUPRC of normal test vs anomalous
/// scores (<see cref="DetectionMetrics"/>: ML.NET's evaluator), the threshold calibrated on held-out normal scores at a target FPR
/// (<see cref="ThresholdCalibrator.AtFalsePositiveRate"/>, flag rule <c>score &gt; threshold</c>), the TPR at that
/// threshold on the anomalous scores and the FPR it realises on the normal test scores. Synthetic detection uses the
/// same function with generator-sample scores as the anomalous ones.
/// </summary>
public static class OneClassEvaluator
{
    /// <summary>Smallest FPR/TPR move kept in <see cref="ClassResult.Roc"/>: 0.004, one pixel on a 250-pixel axis.</summary>
    public const double RocStep = 0.004;

    /// <summary>Evaluates one class for one score kind.</summary>
    /// <param name="scores">The experiment's scores.</param>
    /// <param name="targetFpr">Target false-positive rate in (0,1) for the threshold, e.g. 0.01.</param>
    /// <param name="trainSeconds">Wall time of training this class's detector, in seconds (NaN if unknown).</param>
    /// <returns>The figures, a thinned ROC curve (<see cref="RocStep"/>) and a score histogram.</returns>
    /// <exception cref="ArgumentException">A score set is empty or holds NaN; fewer than ⌈1/<paramref name="targetFpr"/>⌉
    /// calibration scores; <see cref="OneClassScores.AnomalousClasses"/> differs in length from the anomalous scores.</exception>
    public static ClassResult Evaluate(OneClassScores scores, double targetFpr, double trainSeconds)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.AnomalousClasses is { } labels && labels.Count != scores.Anomalous.Count)
            throw new ArgumentException(
                $"{labels.Count} anomalous class labels for {scores.Anomalous.Count} anomalous scores", nameof(scores));

        double threshold = ThresholdCalibrator.AtFalsePositiveRate(scores.Calibration, targetFpr);
        var roc = RocCurve.Compute(scores.NormalTest, scores.Anomalous);
        var (auroc, auprc) = DetectionMetrics.Compute(scores.NormalTest, scores.Anomalous);
        return new ClassResult
        {
            ClassIndex = scores.ClassIndex,
            ClassName = scores.ClassName,
            TrainSeconds = trainSeconds,
            NormalTestCount = scores.NormalTest.Count,
            AnomalousCount = scores.Anomalous.Count,
            CalibrationCount = scores.Calibration.Count,
            Auroc = auroc,
            Auprc = auprc,
            TargetFpr = targetFpr,
            Threshold = threshold,
            TprAtThreshold = RankMetrics.FractionAbove(scores.Anomalous, threshold),
            RealisedFpr = RankMetrics.FractionAbove(scores.NormalTest, threshold),
            PerAnomalousClass = Breakdown(scores, threshold),
            Roc = RocSummary.From(roc.Thinned(RocStep)),
            Histogram = ScoreHistogram.Compute(scores.NormalTest, scores.Anomalous, threshold),
        };
    }

    /// <summary>AUROC (normal test vs that class) and TPR at <paramref name="threshold"/> per anomalous class, in
    /// ascending class order; empty without <see cref="OneClassScores.AnomalousClasses"/>.</summary>
    private static IReadOnlyList<AnomalousClassResult> Breakdown(OneClassScores scores, double threshold)
    {
        if (scores.AnomalousClasses is not { } labels) return [];
        var byClass = new SortedDictionary<int, List<double>>();
        for (int i = 0; i < labels.Count; i++)
        {
            if (!byClass.TryGetValue(labels[i], out var list)) byClass[labels[i]] = list = [];
            list.Add(scores.Anomalous[i]);
        }
        return byClass.Select(pair => new AnomalousClassResult
        {
            ClassIndex = pair.Key,
            ClassName = scores.ClassNames is { } names && pair.Key >= 0 && pair.Key < names.Count ? names[pair.Key] : $"class {pair.Key}",
            Count = pair.Value.Count,
            Auroc = DetectionMetrics.Auroc(scores.NormalTest, pair.Value),
            TprAtThreshold = RankMetrics.FractionAbove(pair.Value, threshold),
        }).ToArray();
    }
}
