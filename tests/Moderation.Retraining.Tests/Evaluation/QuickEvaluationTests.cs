using System.Text.Json;
using Moderation.Core.Metrics;
using Moderation.Evaluation.OneClass;
using Moderation.Evaluation.Reporting;
using Moderation.Evaluation.Results;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Retraining.Evaluation;

namespace Moderation.Retraining.Tests.Evaluation;

/// <summary>
/// The CI floor of the detector on real data (Trouser normal, one epoch on 2,000 images). A scorer that ignored its
/// input, flipped its sign or dropped a term's standardisation would miss these floors; the realised-FPR check uses
/// 2,000 fresh normal images against 3,000 calibration images (binomial noise ≈ 0.29 percentage points at 1 %).
/// </summary>
public sealed class QuickEvaluationTests(QuickEvaluationFixture fixture) : IClassFixture<QuickEvaluationFixture>
{
    private const double TargetFpr = 0.01;

    [Fact]
    public void AnomalyScoreSeparatesTrousersFromTheOtherNineClassesAndBeatsTheRawLogit()
    {
        var anomaly = OneClassEvaluator.Evaluate(fixture.Run.Kinds[ScoreKinds.Anomaly], TargetFpr, 0);
        var logit = OneClassEvaluator.Evaluate(fixture.Run.Kinds[OneClassEvaluationJob.LogitKind], TargetFpr, 0);
        Assert.Equal(1000, anomaly.NormalTestCount);
        Assert.Equal(9000, anomaly.AnomalousCount);
        Assert.True(anomaly.Auroc >= 0.95, $"anomaly AUROC {anomaly.Auroc:F4}");
        Assert.True(anomaly.Auroc > logit.Auroc, $"anomaly AUROC {anomaly.Auroc:F4} vs logit {logit.Auroc:F4}");
        Assert.True(anomaly.TprAtThreshold >= 0.5, $"TPR at 1 % FPR {anomaly.TprAtThreshold:F3}");
        Assert.All(anomaly.PerAnomalousClass, c => Assert.True(c.Auroc >= 0.8, $"{c.ClassName}: {c.Auroc:F3}"));
    }

    [Fact]
    public void SyntheticScoreRanksTheGeneratorsSamplesAboveRealTrousers()
    {
        var synthetic = OneClassEvaluator.Evaluate(fixture.Run.Kinds[ScoreKinds.Synthetic], TargetFpr, 0);
        Assert.Equal(fixture.Options.GeneratorSamples, synthetic.AnomalousCount);
        Assert.True(synthetic.Auroc >= 0.95, $"synthetic AUROC {synthetic.Auroc:F4}");
    }

    [Theory]
    [InlineData(ScoreKinds.Anomaly, OnnxTensorNames.AnomalyScore)]
    [InlineData(ScoreKinds.Synthetic, DetectorTensorNames.SyntheticScore)]
    public void ThresholdsCalibratedOnHeldOutNormalImagesRealiseTheTargetFprOnFreshNormalImages(string kind, string output)
    {
        var scores = fixture.Run.Kinds[kind];
        Assert.Equal(3000, scores.Calibration.Count);
        double threshold = ThresholdCalibrator.AtFalsePositiveRate(scores.Calibration, TargetFpr);
        var fresh = scores.NormalTest.Concat(fixture.Run.UnusedNormal[output]).ToArray();
        Assert.Equal(2000, fresh.Length);
        double realised = RankMetrics.FractionAbove(fresh, threshold);
        Assert.InRange(realised, TargetFpr - 0.005, TargetFpr + 0.005);
    }

    [Fact]
    public void JointlyCalibratedThresholdsRealiseTheTargetForTheVerdictOnFreshNormalImages()
    {
        // The service flags a post when any score is above its threshold: calibrated jointly, that union is the 1 %.
        var kinds = new[] { (ScoreKinds.Anomaly, OnnxTensorNames.AnomalyScore), (ScoreKinds.Synthetic, DetectorTensorNames.SyntheticScore) };
        var joint = ConformalCalibration.Jointly([.. kinds.Select(k => fixture.Run.Kinds[k.Item1].Calibration)], TargetFpr);
        Assert.InRange(joint.PerScoreFpr, TargetFpr / 2, TargetFpr);
        Assert.InRange(joint.UnionFpr, 0.009, ConformalCalibration.Allowance(3000, TargetFpr) / 3000.0);
        var fresh = kinds.Select(k => fixture.Run.Kinds[k.Item1].NormalTest.Concat(fixture.Run.UnusedNormal[k.Item2]).ToArray()).ToArray();
        double realised = ConformalCalibration.FlaggedShare(fresh, joint.Thresholds);
        Assert.InRange(realised, TargetFpr - 0.005, TargetFpr + 0.005);
    }

    [Fact]
    public void LeaveOneFamilyOutDetectsEveryHeldOutFamilyAboveTheFloors()
    {
        // A detector that ignored its input, flipped its sign or had not learned the zoo's artifacts sits at AUROC ≈ 0.5
        // and verdict TPR ≈ 1 %; these floors leave room for a one-epoch zoo (docs/evaluation/detection/README.md has the
        // full run). Every fold's verdict FPR stays under the upper end of Bin(1000, 1 %)'s 95 % interval.
        var transfer = fixture.Run.Transfer!;
        Assert.Equal(["dcgan-transposed", "nearest-hinge", "bilinear-lsgan", "pixelshuffle-ns", "vae"], transfer.Families.Select(f => f.Family));
        double high = BinomialInterval.Of(1000, TargetFpr).High;
        Assert.All(transfer.Families, f =>
        {
            Assert.Equal(500, f.Samples);
            Assert.True(f.Auroc >= 0.8, $"{f.Family}: AUROC {f.Auroc:F3}");
            Assert.True(f.VerdictTpr >= 0.5, $"{f.Family}: verdict TPR {f.VerdictTpr:P1}");
            Assert.InRange(f.VerdictRealisedFpr, 0, high);
            // the pipeline DCGAN's row is not held out (the discriminator was trained against it); the others have both comparisons
            Assert.Equal(f.Family == "dcgan-transposed", f.InDiscriminatorTraining);
            Assert.Equal(!f.InDiscriminatorTraining, double.IsFinite(f.BaselineAuroc) && double.IsFinite(f.DcganOnlyAuroc));
        });
        Assert.Equal(4, transfer.HeldOut.Count());
        Assert.Equal(transfer.HeldOut.Average(f => f.Auroc), transfer.MeanAuroc, 12);
        Assert.True(transfer.MeanAuroc >= 0.95, $"mean AUROC {transfer.MeanAuroc:F3}");
        Assert.True(transfer.MeanVerdictTpr >= 0.8, $"mean verdict TPR {transfer.MeanVerdictTpr:F3}");
        Assert.Equal(5, transfer.SampleGrids.Count);
        Assert.All(transfer.SampleGrids.Values, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
    }

    [Fact]
    public void TheVerdictsRealisedFprOnTheNormalTestImagesLiesInsideTheBinomialInterval()
    {
        var calibration = fixture.Run.VerdictCalibration!;
        Assert.Equal([OnnxTensorNames.AnomalyScore, DetectorTensorNames.DegenerateScore, DetectorTensorNames.SyntheticScore], calibration.Outputs);
        Assert.Equal(3000, calibration.CalibrationImages);
        Assert.Equal(1000, calibration.TestImages);
        Assert.Equal((0.004, 0.017), (calibration.IntervalLow, calibration.IntervalHigh));
        Assert.True(calibration.Inside, $"realised {calibration.RealisedFpr:P2}");
        // each score at its joint threshold: the union flags at least what any one score flags and at most their sum
        Assert.Equal(calibration.Outputs, calibration.Scores.Select(s => s.Output));
        Assert.InRange(calibration.RealisedFpr, calibration.Scores.Max(s => s.RealisedFpr) - 1e-12, calibration.Scores.Sum(s => s.RealisedFpr) + 1e-12);
        Assert.All(calibration.Scores, s => Assert.InRange(s.OnlyThisScoreFpr, 0, s.RealisedFpr));
        Assert.All(calibration.Scores, s => Assert.InRange(s.CalibrationFpr, 1.0 / 3000, 0.01));
    }

    [Fact]
    public async Task TheReportHoldsEveryKindBesideThePublishedNumbers()
    {
        var result = OneClassEvaluationJob.Assemble(fixture.Options, "moderation evaluate --quick", [fixture.Run], 1.0, TimeProvider.System);
        Assert.Equal([ScoreKinds.Anomaly, OneClassEvaluationJob.LogitKind, ScoreKinds.Synthetic], result.Kinds.Select(k => k.Kind));
        using var folder = new TempFolder();
        var files = await ReportWriter.WriteAsync(folder.Path, result);
        var markdown = await File.ReadAllTextAsync(files.MarkdownPath);
        Assert.Contains("GEOM", markdown, StringComparison.Ordinal); // the published table
        Assert.Contains("GEOM transformation-classifier likelihood", markdown, StringComparison.Ordinal); // our anomaly score's terms
        Assert.Contains("Trouser", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(files.JsonPath));
        Assert.Equal(3, json.RootElement.GetProperty("kinds").GetArrayLength());
        Assert.Contains(files.PlotPaths, p => p.EndsWith("roc-anomaly.svg", StringComparison.Ordinal));
        Assert.Contains(files.PlotPaths, p => p.EndsWith("class-1-vae.png", StringComparison.Ordinal));
        var loaded = await EvaluationJson.LoadAsync(folder.Path); // grids come back from samples/ (evaluate --merge redraws them)
        var grids = result.Transfer[0].SampleGrids;
        Assert.Equal(5, grids.Count); // one per family, so the comparison below cannot pass on nothing
        Assert.Equal(grids.Keys.Order(), loaded.Transfer[0].SampleGrids.Keys.Order());
        Assert.All(grids, g => Assert.Equal(g.Value, loaded.Transfer[0].SampleGrids[g.Key]));
        Assert.Contains("leave one family out", markdown, StringComparison.Ordinal);
        Assert.Contains("| pixelshuffle-ns |", markdown, StringComparison.Ordinal);
        Assert.Equal(5, json.RootElement.GetProperty("transfer")[0].GetProperty("families").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("verdictCalibration")[0].GetProperty("inside").GetBoolean());
    }
}
