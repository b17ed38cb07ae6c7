using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public class JointCalibrationTests
{
    private static double[] Ramp(int n) => Enumerable.Range(1, n).Select(i => (double)i).ToArray();

    [Fact]
    public void Identical_scores_flag_the_same_images_so_each_keeps_the_whole_budget()
    {
        // k above + the one image both thresholds sit on ≤ 10 → k = 9
        var s = Ramp(1000);
        var c = ThresholdCalibrator.Jointly([s, s], 10);
        Assert.Equal(0.009, c.PerScoreFpr, 12);
        Assert.Equal([991.0, 991.0], c.Thresholds);
        Assert.Equal(0.009, c.UnionFpr, 12);
    }

    [Fact]
    public void Scores_that_flag_disjoint_images_split_the_budget()
    {
        var up = Ramp(1000);
        var down = up.Reverse().ToArray(); // image i's second score is high exactly where its first is low
        var c = ThresholdCalibrator.Jointly([up, down], 10); // 2·(k + 1) ≤ 10 → k = 4, 8 images strictly above
        Assert.Equal(0.004, c.PerScoreFpr, 12);
        Assert.Equal([996.0, 996.0], c.Thresholds);
        Assert.Equal(0.008, c.UnionFpr, 12);
    }

    [Fact]
    public void One_score_with_budget_b_is_the_bth_largest_score()
    {
        // the plain quantile at 1 % of 1,200 lets 12 through: the 13th largest score, i.e. budget 13
        var random = new Random(3);
        var s = Enumerable.Range(0, 1200).Select(_ => random.NextDouble()).ToArray();
        var c = ThresholdCalibrator.Jointly([s], 13);
        Assert.Equal(ThresholdCalibrator.AtFalsePositiveRate(s, 0.01), c.Thresholds[0]);
        Assert.Equal(12, s.Count(v => v > c.Thresholds[0]));
    }

    [Fact]
    public void Union_rate_on_fresh_independent_scores_is_close_to_the_budgets_rate()
    {
        // Two independent Gaussian scores: calibrated on 6,000 images with a budget of 60 (1 %), the union measured on
        // 100,000 fresh ones.
        var random = new Random(17);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[][] Draw(int n) => [Enumerable.Range(0, n).Select(_ => Normal()).ToArray(), Enumerable.Range(0, n).Select(_ => Normal()).ToArray()];
        var c = ThresholdCalibrator.Jointly(Draw(6000), 60);
        Assert.InRange(c.PerScoreFpr, 0.0045, 0.0055); // independent: 1 − (1 − α)² = 0.01 → α ≈ 0.005
        var fresh = Draw(100_000);
        double union = Enumerable.Range(0, 100_000).Count(i => fresh[0][i] > c.Thresholds[0] || fresh[1][i] > c.Thresholds[1]) / 100_000.0;
        Assert.InRange(union, 0.0075, 0.0125);
    }

    [Theory]
    [InlineData(511, 25)]
    [InlineData(1000, 50)]
    public void Each_threshold_lets_through_exactly_its_count_of_distinct_scores(int n, int budget)
    {
        var s = Ramp(n);
        var c = ThresholdCalibrator.Jointly([s, s], budget);
        int k = (int)Math.Round(c.PerScoreFpr * n);
        Assert.Equal(budget - 1, k);
        Assert.Equal(k, s.Count(v => v > c.Thresholds[0]));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([], 10));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([Ramp(1000), Ramp(999)], 10));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([Ramp(1000)], 0));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([Ramp(1000)], 1000));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([[.. Ramp(999), double.NaN]], 10));
    }
}
