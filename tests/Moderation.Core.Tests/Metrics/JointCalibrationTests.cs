using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public class JointCalibrationTests
{
    private static double[] Ramp(int n) => Enumerable.Range(1, n).Select(i => (double)i).ToArray();

    [Fact]
    public void Identical_scores_flag_the_same_images_so_each_keeps_the_whole_target()
    {
        var s = Ramp(1000);
        var c = ThresholdCalibrator.Jointly([s, s], 0.01);
        Assert.Equal(0.01, c.PerScoreFpr, 12);
        Assert.Equal([990.0, 990.0], c.Thresholds);
        Assert.Equal(0.01, c.UnionFpr, 12);
    }

    [Fact]
    public void Scores_that_flag_disjoint_images_split_the_target()
    {
        var up = Ramp(1000);
        var down = up.Reverse().ToArray(); // image i's second score is high exactly where its first is low
        var c = ThresholdCalibrator.Jointly([up, down], 0.01);
        Assert.Equal(0.005, c.PerScoreFpr, 12);
        Assert.Equal([995.0, 995.0], c.Thresholds);
        Assert.Equal(0.01, c.UnionFpr, 12);
    }

    [Fact]
    public void One_score_is_the_plain_quantile()
    {
        var random = new Random(3);
        var s = Enumerable.Range(0, 1200).Select(_ => random.NextDouble()).ToArray();
        var c = ThresholdCalibrator.Jointly([s], 0.01);
        Assert.Equal(ThresholdCalibrator.AtFalsePositiveRate(s, 0.01), c.Thresholds[0]);
    }

    [Fact]
    public void Union_rate_on_fresh_independent_scores_is_close_to_target()
    {
        // Two independent Gaussian scores: calibrated on 6,000 images, the union measured on 100,000 fresh ones.
        var random = new Random(17);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[][] Draw(int n) => [Enumerable.Range(0, n).Select(_ => Normal()).ToArray(), Enumerable.Range(0, n).Select(_ => Normal()).ToArray()];
        var calibration = Draw(6000);
        var c = ThresholdCalibrator.Jointly(calibration, 0.01);
        Assert.InRange(c.PerScoreFpr, 0.0045, 0.0055); // independent: 1 − (1 − α)² = 0.01 → α ≈ 0.005
        var fresh = Draw(100_000);
        double union = Enumerable.Range(0, 100_000).Count(i => fresh[0][i] > c.Thresholds[0] || fresh[1][i] > c.Thresholds[1]) / 100_000.0;
        Assert.InRange(union, 0.0075, 0.0125);
    }

    [Theory]
    [InlineData(511)]  // k = 25
    [InlineData(1000)]
    public void Each_threshold_lets_through_exactly_its_share_of_distinct_scores(int n)
    {
        // sizes where k/n → ⌈(1 − k/n)·n⌉ − 1 loses a count to floating point; counts must not
        var s = Ramp(n);
        var c = ThresholdCalibrator.Jointly([s, s], 0.05);
        int k = (int)Math.Round(c.PerScoreFpr * n);
        Assert.Equal((int)Math.Floor(0.05 * n + 1e-9), k);
        Assert.Equal(k, s.Count(v => v > c.Thresholds[0]));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([], 0.01));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([Ramp(1000), Ramp(999)], 0.01));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([Ramp(150), Ramp(150)], 0.01)); // 1 allowed, 2 scores
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([Ramp(1000)], 1.5));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.Jointly([[.. Ramp(999), double.NaN]], 0.01));
    }

    [Fact]
    public void Counting_the_images_a_threshold_sits_on_spends_one_count_per_score_on_them()
    {
        var up = Ramp(1000);
        var down = up.Reverse().ToArray();
        // identical scores: k above + the one image both thresholds sit on ≤ 10 → k = 9
        var same = ThresholdCalibrator.JointlyAtMost([up, up], 10, countImagesOnThreshold: true);
        Assert.Equal([991.0, 991.0], same.Thresholds);
        Assert.Equal(0.009, same.UnionFpr, 12);
        // disjoint scores: 2·(k + 1) ≤ 10 → k = 4, 8 images strictly above
        var disjoint = ThresholdCalibrator.JointlyAtMost([up, down], 10, countImagesOnThreshold: true);
        Assert.Equal([996.0, 996.0], disjoint.Thresholds);
        Assert.Equal(0.008, disjoint.UnionFpr, 12);
        // without: the plain rule's k = 10 and 5
        Assert.Equal([990.0, 995.0], [ThresholdCalibrator.JointlyAtMost([up, up], 10, false).Thresholds[0], ThresholdCalibrator.JointlyAtMost([up, down], 10, false).Thresholds[0]]);
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.JointlyAtMost([up], 0, true));
        Assert.Throws<ArgumentException>(() => ThresholdCalibrator.JointlyAtMost([up], 1000, true));
    }
}
