using Moderation.Evaluation.Plots;
using Moderation.Evaluation.Results;
using Moderation.Evaluation.Roc;

namespace Moderation.Retraining.Promotion;

/// <summary>The comparison report's charts (SVG, drawn with <c>Moderation.Evaluation.Plots</c>).</summary>
internal static class ComparisonPlots
{
    /// <summary>Path of a score's ROC chart relative to the report folder.</summary>
    public static string RocPath(string reason) => $"plots/roc-{reason}.svg";

    /// <summary>Path of one model's score histogram relative to the report folder.</summary>
    public static string HistogramPath(string role, string reason) => $"plots/histogram-{role}-{reason}.svg";

    /// <summary>Champion's and challenger's ROC curves of one score (held-out normal vs all positives) with the chance
    /// diagonal; a model without the score is left out.</summary>
    public static string Roc(string reason, IEnumerable<ModelEvaluation> models) => new LineChart
    {
        Title = $"ROC, {reason} score: held-out normal vs all positives",
        XLabel = "false-positive rate (held-out normal images flagged)",
        YLabel = "true-positive rate (positives flagged)",
        XRange = new AxisRange(0, 1),
        YRange = new AxisRange(0, 1),
        DiagonalLabel = "chance",
        Series = [.. models.Where(m => m.Score(reason) is not null).Select(m =>
        {
            var score = m.Score(reason)!;
            var points = RocCurve.Compute(score.NormalScores, score.PositiveScores).Thinned(0.004);
            return new LineSeries($"{m.Role} (AUROC {score.Auroc:F4})",
                [.. points.Select(p => p.FalsePositiveRate)], [.. points.Select(p => p.TruePositiveRate)]);
        })],
    }.ToSvg();

    /// <summary>One model's held-out normal vs positive score distributions (fraction per bin) with its threshold.</summary>
    public static string Histogram(ModelEvaluation model, ScoreEvaluation score)
    {
        var h = ScoreHistogram.Compute(score.NormalScores, score.PositiveScores, score.Threshold);
        return HistogramChart.ThresholdShares($"{model.Role} {model.ModelVersion}: {score.Reason} score", score.Output,
            h.Lower, h.Upper,
            HistogramSeries.OfShares($"held-out normal (n={score.NormalScores.Length})", h.NormalCounts),
            HistogramSeries.OfShares($"positives (n={score.PositiveScores.Length})", h.AnomalousCounts),
            new VerticalMarker(score.Threshold, $"threshold {score.Threshold:G5}")).ToSvg();
    }
}
