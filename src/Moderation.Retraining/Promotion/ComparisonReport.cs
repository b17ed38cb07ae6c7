using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Moderation.Retraining.Promotion;

/// <summary>
/// Writes the champion/challenger comparison into a folder: <c>report.md</c> (decision, gate checks, figures, plots),
/// <c>plots/*.svg</c> (ROC curves of both models per score; per model and score, the held-out normal vs positive score
/// histograms with the threshold) and <c>decision.json</c> (the decision and checks, for tools).
/// </summary>
internal static class ComparisonReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Write(PromotionOutcome outcome)
    {
        var folder = outcome.ReportFolder;
        Directory.CreateDirectory(Path.Combine(folder, "plots"));
        var models = new[] { outcome.Champion, outcome.Challenger };
        var reasons = models.SelectMany(m => m.Scores.Select(s => s.Reason)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var reason in reasons)
            File.WriteAllText(Path.Combine(folder, ComparisonPlots.RocPath(reason)), ComparisonPlots.Roc(reason, models));
        foreach (var model in models)
            foreach (var score in model.Scores)
                File.WriteAllText(Path.Combine(folder, ComparisonPlots.HistogramPath(model.Role, score.Reason)), ComparisonPlots.Histogram(model, score));
        File.WriteAllText(Path.Combine(folder, "report.md"), Markdown(outcome, reasons));
        File.WriteAllText(Path.Combine(folder, "decision.json"), JsonSerializer.Serialize(new
        {
            pipeline = outcome.Pipeline,
            at = outcome.At,
            promoted = outcome.Promoted,
            champion = new { registryVersion = outcome.Champion.RegistryVersion, modelVersion = outcome.Champion.ModelVersion },
            challenger = new { registryVersion = outcome.Challenger.RegistryVersion, modelVersion = outcome.Challenger.ModelVersion },
            checks = outcome.Decision.Checks.Select(c => new { name = c.Name, passed = c.Passed, detail = c.Detail }),
        }, Json));
    }

    private static string Markdown(PromotionOutcome o, IReadOnlyList<string> reasons)
    {
        var (champion, challenger) = (o.Champion, o.Challenger);
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"# Retrain comparison: {o.Pipeline} — {(o.Promoted ? "PROMOTED" : "REFUSED")}");
        md.AppendLine();
        Line($"Challenger `{challenger.RegistryVersion}` ({challenger.ModelVersion}) against champion `{champion.RegistryVersion}` ({champion.ModelVersion}), {o.At:yyyy-MM-dd HH:mm:ss} UTC; challenger trained in {o.TrainSeconds:F0} s.");
        md.AppendLine();
        md.AppendLine(o.Promoted
            ? $"**Promoted**: `champion.json` now names `{challenger.RegistryVersion}`; running services swap to it between batches."
            : $"**Refused**: `champion.json` still names `{champion.RegistryVersion}`; the challenger's folder `versions/{challenger.RegistryVersion}` is kept for inspection.");
        md.AppendLine();
        md.AppendLine("## Held-out set (both models scored on the same images)");
        md.AppendLine();
        md.AppendLine("| set | images |");
        md.AppendLine("| --- | ---: |");
        foreach (var (name, count) in o.HeldOut) Line($"| {name} | {count:N0} |");
        md.AppendLine();
        Line($"Dismissed posts (false positives, normal by the reviewer's word) added to the challenger's normal images: {o.DismissedUsed}. Reviewed posts the pre-processor rejected: {o.Rejected.Count}{string.Concat(o.Rejected.Take(10).Select(r => $"; `{r.PostId}` ({r.Decision}): {r.Reason}"))}.");
        md.AppendLine();
        md.AppendLine("## Gate");
        md.AppendLine();
        md.AppendLine("| check | result | figures |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var c in o.Decision.Checks) Line($"| {c.Name} | {(c.Passed ? "pass" : "**fail**")} | {c.Detail} |");
        md.AppendLine();
        md.AppendLine("## Figures");
        md.AppendLine();
        md.AppendLine("| figure | champion | challenger | Δ |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var reason in reasons)
        {
            Row(md, $"AUROC {reason}, all positives", champion.Score(reason)?.Auroc, challenger.Score(reason)?.Auroc, "F4");
            foreach (var group in challenger.TprByGroup.Keys)
                Row(md, $"AUROC {reason}, {group}", champion.Score(reason)?.AurocByGroup.GetValueOrDefault(group), challenger.Score(reason)?.AurocByGroup.GetValueOrDefault(group), "F4");
            Row(md, $"threshold {reason}", champion.Score(reason)?.Threshold, challenger.Score(reason)?.Threshold, "G5", delta: false);
        }

        Row(md, "verdict TPR, all positives", champion.Tpr, challenger.Tpr, "P2");
        foreach (var group in challenger.TprByGroup.Keys)
            Row(md, $"verdict TPR, {group}", champion.TprByGroup.GetValueOrDefault(group), challenger.TprByGroup[group], "P2");
        var interval = o.Decision.FprInterval;
        Line($"| verdict realised FPR, held-out normal (95 % interval {interval.Low:P2}–{interval.High:P2}) | {champion.FalsePositives}/{champion.NormalCount} = {champion.RealisedFpr:P2} | {challenger.FalsePositives}/{challenger.NormalCount} = {challenger.RealisedFpr:P2} | |");
        md.AppendLine();
        md.AppendLine("## Plots");
        md.AppendLine();
        foreach (var reason in reasons)
        {
            Line($"![ROC {reason}]({ComparisonPlots.RocPath(reason)})");
            md.AppendLine();
            foreach (var model in new[] { champion, challenger }.Where(m => m.Score(reason) is not null))
                Line($"![{model.Role} {reason} histogram]({ComparisonPlots.HistogramPath(model.Role, reason)})");
            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, double? champion, double? challenger, string format, bool delta = true)
    {
        string Cell(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
        string d = delta && champion is { } a && challenger is { } b
            ? (format == "P2" ? ((b - a) * 100).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " pt" : (b - a).ToString("+0.0000;−0.0000;0.0000", CultureInfo.InvariantCulture))
            : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Cell(champion)} | {Cell(challenger)} | {d} |");
    }
}
