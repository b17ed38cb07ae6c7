using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public class ThresholdCalibratorTests
{
    [Fact]
    public void Threshold_on_1_to_1000_at_1_percent_is_990()
    {
        var scores = Enumerable.Range(1, 1000).Select(i => (double)i).Reverse().ToArray();
        var t = ThresholdCalibrator.AtFalsePositiveRate(scores, 0.01);
        Assert.Equal(990, t);
        Assert.Equal(0.01, RankMetrics.FractionAbove(scores, t), 12);
    }

    [Fact]
    public void Realised_fpr_on_fresh_normal_scores_is_close_to_target()
    {
        // Calibrate on 6,000 draws, measure on 100,000 fresh draws of the same distribution.
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var calibration = Enumerable.Range(0, 6000).Select(_ => Normal()).ToArray();
        var fresh = Enumerable.Range(0, 100_000).Select(_ => Normal()).ToArray();
        var t = ThresholdCalibrator.AtFalsePositiveRate(calibration, 0.01);
        Assert.InRange(RankMetrics.FractionAbove(fresh, t), 0.005, 0.015);
    }

    [Fact]
    public void Never_exceeds_target_on_the_calibration_set_even_with_ties()
    {
        var scores = Enumerable.Repeat(1.0, 950).Concat(Enumerable.Repeat(2.0, 50)).ToArray();
        var t = ThresholdCalibrator.AtFalsePositiveRate(scores, 0.01);
        Assert.True(RankMetrics.FractionAbove(scores, t) <= 0.01);
        Assert.Equal(2.0, t);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Target_outside_open_unit_interval_is_refused(double fpr) =>
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.AtFalsePositiveRate([1, 2, 3], fpr));

    [Fact]
    public void Too_few_scores_for_the_target_is_refused() =>
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.AtFalsePositiveRate(Enumerable.Range(0, 50).Select(i => (double)i).ToArray(), 0.01));
}
