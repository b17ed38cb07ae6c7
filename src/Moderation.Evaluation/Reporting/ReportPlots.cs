using Moderation.Evaluation.Plots;
using Moderation.Evaluation.Results;

namespace Moderation.Evaluation.Reporting;

/// <summary>The report's charts, drawn from <see cref="EvaluationResult"/> data alone.</summary>
internal static class ReportPlots
{
    /// <summary>Path of a kind's ROC chart relative to the report folder.</summary>
    public static string RocPath(string kind) => $"plots/roc-{kind}.svg";

    /// <summary>Path of one class's histogram relative to the report folder.</summary>
    public static string HistogramPath(string kind, int classIndex) => $"plots/histogram-{kind}-{classIndex}.svg";

    /// <summary>All classes' ROC curves of one kind on one chart, one polyline per class, with the chance diagonal.</summary>
    public static string Roc(ScoreKindResult kind) => new LineChart
    {
        Title = $"ROC, {kind.Kind} score: each class as normal",
        XLabel = "false-positive rate (normal test images flagged)",
        YLabel = $"true-positive rate ({ReportFormat.PositivesName(kind.Kind)} flagged)",
        XRange = new AxisRange(0, 1),
        YRange = new AxisRange(0, 1),
        DiagonalLabel = "chance",
        Series = kind.Classes.Select(c => new LineSeries($"{c.ClassIndex} {c.ClassName} ({ReportFormat.Pct1(c.Auroc)})", c.Roc.Fpr, c.Roc.Tpr)).ToArray(),
    }.ToSvg();

    /// <summary>Normal test vs positive score distributions (fraction of each set per bin) with the threshold.</summary>
    public static string Histogram(ScoreKindResult kind, ClassResult c)
    {
        var h = c.Histogram;
        return HistogramChart.ThresholdShares($"{kind.Kind} score, normal class {c.ClassIndex} {c.ClassName}", $"{kind.Kind} score",
            h.Lower, h.Upper,
            HistogramSeries.OfShares($"normal test (n={c.NormalTestCount})", h.NormalCounts),
            HistogramSeries.OfShares($"{ReportFormat.PositivesName(kind.Kind)} (n={c.AnomalousCount})", h.AnomalousCounts),
            new VerticalMarker(c.Threshold, $"threshold {ReportFormat.Score(c.Threshold)}")).ToSvg();
    }
}
