using System.Globalization;
using System.Text;
using Moderation.Core.Metrics;
using Moderation.Evaluation.Results;
using static Moderation.Evaluation.Reporting.ReportFormat;

namespace Moderation.Evaluation.Reporting;

/// <summary>The leave-one-family-out section of <c>report.md</c>: one table per class, one row per held-out family
/// with its sample grid.</summary>
internal static class TransferReport
{
    /// <summary>Relative path of a family's sample grid for class <paramref name="classIndex"/>.</summary>
    public static string GridPath(int classIndex, string family) => $"samples/class-{classIndex}-{family}.png";

    /// <summary>The verdict's realised FPR per class against its 95 % binomial interval.</summary>
    public static void AppendCalibration(StringBuilder md, IReadOnlyList<VerdictCalibrationResult> calibration)
    {
        if (calibration.Count == 0) return;
        md.AppendLine("## The verdict's false-positive rate").AppendLine();
        md.AppendLine("Every score's threshold calibrated jointly on the held-out normal images with a conformal allowance " +
            "(at most ⌊α(n+1)⌋ − 1 of n flagged); measured on the normal class's test images, against the central 95 % acceptance " +
            "interval of Bin(test images, target).").AppendLine();
        md.AppendLine("| # | normal class | scores | calibration images | test images | target | realised FPR | 95 % interval | inside | p, exchangeable |");
        md.AppendLine("|---:|---|---|---:|---:|---:|---:|---|---|---:|");
        foreach (var c in calibration)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.ClassIndex} | {Cell(c.ClassName)} | {Cell(string.Join(", ", c.Outputs))} | {c.CalibrationImages} | {c.TestImages} | " +
                $"{Target(c.TargetFpr)} | {Rate(c.RealisedFpr)} | {Rate(c.IntervalLow)}–{Rate(c.IntervalHigh)} | {(c.Inside ? "yes" : "**no**")} | {P(VerdictP(c))} |");
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"{calibration.Count(c => c.Inside)} of {calibration.Count} classes inside; mean realised FPR {Rate(calibration.Average(c => c.RealisedFpr))}.").AppendLine();
        var least = calibration.MinBy(VerdictP)!;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"p, exchangeable: the chance of at least this many flagged test images if they were exchangeable with the calibration " +
            $"images: the test count above the (K+1)-th largest of n calibration scores is BetaBinomial(m, K + 1, n − K) " +
            $"(Gumbel & von Schelling 1950), exact for one score with K its calibration count; for the verdict's joint rule the " +
            $"reference with K = ⌊α(n+1)⌋ − 1. Smallest: {Cell(least.ClassName)}, {P(VerdictP(least))}; the chance that at least one of " +
            $"{calibration.Count} exchangeable classes goes as far is {P(1 - Math.Pow(1 - VerdictP(least), calibration.Count))}.").AppendLine();
        if (calibration.All(c => double.IsFinite(c.ChanceInside)))
            md.AppendLine(CultureInfo.InvariantCulture,
                $"How often an exact calibration lands inside (split-conformal reference: given n calibration images the rate is " +
                $"Beta(l, n + 1 − l), l = ⌊α(n+1)⌋, so the test count is BetaBinomial): per class {string.Join(", ", calibration.Select(c => Pct1(c.ChanceInside) + " %").Distinct())}; " +
                $"all {calibration.Count} classes together {Pct1(calibration.Aggregate(1.0, (p, c) => p * c.ChanceInside))} %.").AppendLine();
        if (calibration.All(c => c.Scores.Count == 0)) return;
        md.AppendLine("Each score at its joint threshold: the share it flags alone on the calibration images and on the normal test " +
            "images, and the test share no other score flags.").AppendLine();
        md.AppendLine("| # | normal class | score | threshold | calibration FPR | test FPR | test FPR, this score only | p, exchangeable |");
        md.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var c in calibration)
            foreach (var s in c.Scores)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {c.ClassIndex} | {Cell(c.ClassName)} | {Cell(s.Output)} | {Score(s.Threshold)} | {Rate(s.CalibrationFpr)} | {Rate(s.RealisedFpr)} | {Rate(s.OnlyThisScoreFpr)} | {P(ScoreP(c, s))} |");
        md.AppendLine();
    }

    /// <summary>The verdict's p-value: its test count against the conformal threshold's exceedance law.</summary>
    private static double VerdictP(VerdictCalibrationResult c) =>
        Exceedances.AtLeast(c.CalibrationImages, Exceedances.ConformalAllowance(c.CalibrationImages, c.TargetFpr),
            c.TestImages, Count(c.RealisedFpr, c.TestImages));

    /// <summary>One score's p-value: its test count against the exceedance law of its own calibration count.</summary>
    private static double ScoreP(VerdictCalibrationResult c, VerdictScoreCalibration s) =>
        Exceedances.AtLeast(c.CalibrationImages, Count(s.CalibrationFpr, c.CalibrationImages), c.TestImages, Count(s.RealisedFpr, c.TestImages));

    private static int Count(double share, int images) => (int)Math.Round(share * images);

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("F3", CultureInfo.InvariantCulture);

    public static void Append(StringBuilder md, IReadOnlyList<ClassTransferResult> transfer)
    {
        if (transfer.Count == 0) return;
        md.AppendLine("## Generators the detector never saw: leave one family out").AppendLine();
        md.AppendLine("For each generator family F of the zoo, the synthetic detector (a copy of the discriminator) is fine-tuned " +
            "against the other families only and tested on F's samples (seeds never used in training) against the normal class's " +
            "test images. Thresholds are the verdict's, calibrated jointly on held-out normal images; the verdict TPR counts a " +
            "sample flagged for any reason. Baseline: the recipe before the zoo (fine-tuned against the pipeline DCGAN's " +
            "snapshots only, no augmentation, real and synthetic images in separate batches); without zoo: this recipe, " +
            "fine-tuned against the pipeline DCGAN's snapshots only; both on the same samples. Every fold starts from the " +
            "GAN's discriminator, which was trained against the pipeline DCGAN: that family's row is shown but "+
            "is not a held-out test, and the means are over the other families.").AppendLine();
        foreach (var c in transfer)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {c.ClassIndex} {Cell(c.ClassName)}").AppendLine();
            md.AppendLine("| held-out family | architecture and training | AUROC | verdict TPR | synthetic-score TPR | verdict FPR (normal test) | baseline AUROC | baseline verdict TPR | without zoo AUROC | without zoo verdict TPR | samples |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var f in c.Families)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(f.Family)}{(f.InDiscriminatorTraining ? " (not held out: D trained against it; not in the mean)" : "")} | {Cell(f.Description)} | {Pct1(f.Auroc)} | {Pct1(f.VerdictTpr)} | {Pct1(f.SyntheticTpr)} | " +
                    $"{Rate(f.VerdictRealisedFpr)} | {Pct1(f.BaselineAuroc)} | {Pct1(f.BaselineVerdictTpr)} | " +
                    $"{Pct1(f.DcganOnlyAuroc)} | {Pct1(f.DcganOnlyVerdictTpr)} | " +
                    $"{(c.SampleGrids.ContainsKey(f.Family) ? $"![{Cell(f.Family)}]({GridPath(c.ClassIndex, f.Family)})" : "")} |");
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| **mean (held-out families)** | | **{Pct1(c.MeanAuroc)}** | **{Pct1(c.MeanVerdictTpr)}** | | | {Pct1(c.BaselineMeanAuroc)} | {Pct1(c.BaselineMeanVerdictTpr)} | " +
                $"{Pct1(c.DcganOnlyMeanAuroc)} | {Pct1(c.DcganOnlyMeanVerdictTpr)} | |").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Zoo trained in {Seconds(c.ZooSeconds)} s; folds in {Seconds(c.Seconds)} s.").AppendLine();
        }
    }
}
