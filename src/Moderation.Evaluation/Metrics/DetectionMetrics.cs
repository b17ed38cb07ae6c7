using Microsoft.ML;
using Microsoft.ML.Data;

namespace Moderation.Evaluation.Metrics;

/// <summary>
/// Ranking figures of a detector whose higher score means "more likely anomalous" (positive), from ML.NET's binary
/// classification evaluator (<c>MLContext.BinaryClassification.EvaluateNonCalibrated</c>, every example used):
/// AUROC (the Mann–Whitney statistic, ties counting one half) and AUPRC (ML.NET's estimator: the trapezoidal area under
/// the precision–recall points taken example by example in descending score order from (recall 0, precision 1), tied
/// negatives before tied positives; checked by hand in DetectionMetricsTests). Scores are passed to ML.NET as float32,
/// its score column type; scores that differ only beyond float32 precision count as tied.
/// </summary>
public static class DetectionMetrics
{
    /// <summary>AUROC and AUPRC of <paramref name="positives"/> against <paramref name="negatives"/>.</summary>
    /// <param name="negatives">Scores of normal items (label false).</param>
    /// <param name="positives">Scores of anomalous items (label true).</param>
    /// <returns>Both areas in [0,1].</returns>
    /// <exception cref="ArgumentException">Either set is empty or holds NaN.</exception>
    public static (double Auroc, double Auprc) Compute(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        ArgumentNullException.ThrowIfNull(negatives);
        ArgumentNullException.ThrowIfNull(positives);
        if (negatives.Count == 0 || positives.Count == 0)
            throw new ArgumentException("AUROC/AUPRC need at least one negative and one positive score");
        if (negatives.Any(double.IsNaN) || positives.Any(double.IsNaN)) throw new ArgumentException("a score is NaN");
        var context = new MLContext(seed: 0);
        var rows = negatives.Select(s => new ScoredExample { Label = false, Score = (float)s })
            .Concat(positives.Select(s => new ScoredExample { Label = true, Score = (float)s }));
        var metrics = context.BinaryClassification.EvaluateNonCalibrated(context.Data.LoadFromEnumerable(rows));
        return (metrics.AreaUnderRocCurve, metrics.AreaUnderPrecisionRecallCurve);
    }

    /// <summary>AUROC of <paramref name="positives"/> against <paramref name="negatives"/> (see <see cref="Compute"/>).</summary>
    /// <exception cref="ArgumentException">Either set is empty or holds NaN.</exception>
    public static double Auroc(IReadOnlyList<double> negatives, IReadOnlyList<double> positives) => Compute(negatives, positives).Auroc;

    /// <summary>One row of ML.NET's evaluator input: the label, the detector's score, and the predicted label the
    /// evaluator requires (score &gt; 0; it only feeds the confusion-matrix figures, which are not used here).</summary>
    private sealed class ScoredExample
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel => Score > 0;
    }
}
