using System.Globalization;
using System.Text;
using Moderation.Evaluation.Results;
using static Moderation.Evaluation.Reporting.ReportFormat;

namespace Moderation.Evaluation.Reporting;

/// <summary>Renders <c>report.md</c> from an <see cref="EvaluationResult"/> (GitHub-flavoured Markdown tables; plots
/// linked relative to the report folder).</summary>
internal static class MarkdownReport
{
    public static string Render(EvaluationResult result)
    {
        var md = new StringBuilder();
        var run = result.Run;
        md.AppendLine(CultureInfo.InvariantCulture, $"# One-class evaluation on {result.Dataset}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Run {run.CreatedAtUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · seed {run.Seed} · {run.Epochs} epochs per class · " +
            $"wall time {Seconds(run.WallTimeSeconds)} s · {Machine(run.Machine)}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{run.CommandLine.Replace("`", "'", StringComparison.Ordinal)}`").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| score | what it tells apart | classes | mean AUROC | worst AUROC | mean AUPRC | mean TPR at threshold | target FPR | mean realised FPR |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in result.Kinds)
        {
            var a = kind.Aggregate;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(kind.Kind)} | {Cell(kind.Description)} | {a.ClassCount} | {Pct1(a.MeanAuroc)} | {Pct1(a.WorstAuroc)} ({Cell(a.WorstClassName)}) | " +
                $"{Pct1(a.MeanAuprc)} | {Pct1(a.MeanTprAtThreshold)} | {TargetOf(kind)} | {Rate(a.MeanRealisedFpr)} |");
        }
        md.AppendLine().AppendLine("AUROC, AUPRC and TPR in percent. Thresholds are calibrated on held-out normal images at the target " +
            "FPR (flag when score > threshold); the realised FPR is measured on the normal class's test images, which calibration never saw.").AppendLine();

        md.AppendLine("## What counts as normal").AppendLine().AppendLine(result.NormalDefinition).AppendLine();
        AppendComparison(md, result.FindKind(ScoreKinds.Anomaly));
        TransferReport.AppendCalibration(md, result.VerdictCalibration);
        TransferReport.Append(md, result.Transfer);
        foreach (var kind in result.Kinds) AppendKind(md, kind);
        return md.ToString();
    }

    private static string Machine(MachineDescription m) =>
        $"{m.ProcessorCount} cores{(m.ProcessorName is null ? "" : $" ({m.ProcessorName})")}, {m.Os}, {m.Architecture}, {m.Framework}";

    private static void AppendComparison(StringBuilder md, ScoreKindResult? anomaly)
    {
        if (anomaly is null) return;
        var a = anomaly.Aggregate;
        md.AppendLine("## Compared with published one-class results").AppendLine();
        md.AppendLine("| method | mean AUROC | hardest class (AUROC) |").AppendLine("|---|---:|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| **ours ({ScoreKinds.Anomaly} score)** | **{Pct1(a.MeanAuroc)}** | {Cell(a.WorstClassName)} ({Pct1(a.WorstAuroc)}) |");
        foreach (var p in PublishedBaselines.FashionMnist)
        {
            string hardest = p.HardestClass is null ? "—" : $"{p.HardestClass} ({Pct1(p.HardestAuroc ?? double.NaN)})";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Method} | {Pct1(p.MeanAuroc)} | {hardest} |");
        }
        md.AppendLine().AppendLine("Source: " + PublishedBaselines.Source).AppendLine();
        foreach (var p in PublishedBaselines.FashionMnist) md.AppendLine(CultureInfo.InvariantCulture, $"- {p.Method}: {p.Reference}");
        md.AppendLine();
        if (a.ClassCount != 10)
            md.AppendLine(CultureInfo.InvariantCulture, $"Note: our mean covers {a.ClassCount} of the 10 classes; the published means cover all 10.").AppendLine();
    }

    private static void AppendKind(StringBuilder md, ScoreKindResult kind)
    {
        string target = TargetOf(kind);
        md.AppendLine(CultureInfo.InvariantCulture, $"## Per class: {kind.Kind} score").AppendLine().AppendLine(kind.Description).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| # | normal class | AUROC | AUPRC | TPR at {target} FPR | threshold | realised FPR | train s | histogram |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var c in kind.Classes)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.ClassIndex} | {Cell(c.ClassName)} | {Pct1(c.Auroc)} | {Pct1(c.Auprc)} | {Pct1(c.TprAtThreshold)} | {Score(c.Threshold)} | " +
                $"{Rate(c.RealisedFpr)} | {Seconds(c.TrainSeconds)} | [svg]({ReportPlots.HistogramPath(kind.Kind, c.ClassIndex)}) |");
        var a = kind.Aggregate;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| | **mean** | **{Pct1(a.MeanAuroc)}** | {Pct1(a.MeanAuprc)} | {Pct1(a.MeanTprAtThreshold)} | | {Rate(a.MeanRealisedFpr)} | | |").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![ROC curves, {kind.Kind} score]({ReportPlots.RocPath(kind.Kind)})").AppendLine();
        AppendBreakdown(md, kind);
    }

    /// <summary>AUROC matrix: rows = normal class, columns = anomalous class; only when the kind has a breakdown.</summary>
    private static void AppendBreakdown(StringBuilder md, ScoreKindResult kind)
    {
        var columns = kind.Classes.SelectMany(c => c.PerAnomalousClass).Select(p => (p.ClassIndex, p.ClassName))
            .Distinct().OrderBy(p => p.ClassIndex).ToArray();
        if (columns.Length == 0) return;
        md.AppendLine(CultureInfo.InvariantCulture, $"### AUROC per anomalous class ({kind.Kind} score)").AppendLine();
        md.AppendLine("Rows: the normal class; columns: the anomalous class its test images are told apart from.").AppendLine();
        md.AppendLine("| normal \\ anomalous | " + string.Join(" | ", columns.Select(p => $"{p.ClassIndex} {Cell(p.ClassName)}")) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", columns.Length)));
        foreach (var c in kind.Classes)
        {
            var cells = columns.Select(col => c.PerAnomalousClass.FirstOrDefault(p => p.ClassIndex == col.ClassIndex) is { } p ? Pct1(p.Auroc) : "—");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.ClassIndex} {Cell(c.ClassName)} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
    }
}
