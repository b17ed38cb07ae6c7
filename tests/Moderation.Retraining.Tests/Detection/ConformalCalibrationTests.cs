using Moderation.Retraining.Detection;

namespace Moderation.Retraining.Tests.Detection;

/// <summary>The split-conformal allowance: known counts, and over many simulated exchangeable draws the realised FPR
/// averages (k+1)/(n+1) ≤ α, where the plain empirical quantile (⌊α·n⌋ let through) averages above α.</summary>
public sealed class ConformalCalibrationTests
{
    [Theory]
    [InlineData(1200, 0.90845016)] // BetaBinomial(1000, 12, 1189) on [4, 17], computed independently with log-gamma sums
    [InlineData(2400, 0.9434925015)] // BetaBinomial(1000, 24, 2377)
    [InlineData(3000, 0.95038764)] // BetaBinomial(1000, 30, 2971)
    public void ChanceInsideIsTheBetaBinomialMassOfTheInterval(int calibrationImages, double expected) =>
        Assert.Equal(expected, ConformalCalibration.ChanceInside(Core.Metrics.BinomialInterval.Of(1000, 0.01), calibrationImages), 6);

    [Fact]
    public void ChanceInsideNeedsEnoughCalibrationImagesForARankOfOne() // ⌊0.01·(n+1)⌋ ≥ 1 ⇔ n ≥ 99
    {
        var interval = Core.Metrics.BinomialInterval.Of(1000, 0.01);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConformalCalibration.ChanceInside(interval, 98));
        Assert.InRange(ConformalCalibration.ChanceInside(interval, 99), 0, 1);
    }

    [Fact]
    public void ChanceInsideMatchesHowOftenTheCalibratorItselfLandsInside()
    {
        // uniform scores: a threshold t lets through exactly 1 − t of fresh images, so each draw's chance of landing in
        // 4–17 of 1,000 is exact; averaged over draws of 1,200 calibration images it must equal ChanceInside (0.908)
        var random = new Random(11);
        var interval = Core.Metrics.BinomialInterval.Of(1000, 0.01);
        const int trials = 1500;
        double chance = 0;
        for (int t = 0; t < trials; t++)
        {
            var calibration = Enumerable.Range(0, 1200).Select(_ => random.NextDouble()).ToArray();
            chance += interval.Probability(1 - ConformalCalibration.Jointly([calibration], 0.01).Thresholds[0]) / trials;
        }
        Assert.InRange(chance, ConformalCalibration.ChanceInside(interval, 1200) - 0.012, ConformalCalibration.ChanceInside(interval, 1200) + 0.012);
        Assert.True(chance < interval.Probability(0.01) - 0.04, $"{chance:F3}: the calibration's own noise lowers the chance below the exact rate's 0.976");
    }

    [Theory]
    [InlineData(1200, 0.01, 11)] // ⌊12.01⌋ − 1
    [InlineData(1000, 0.01, 9)] // ⌊10.01⌋ − 1
    [InlineData(5400, 0.01, 53)]
    [InlineData(99, 0.01, 0)]
    public void AllowanceIsFloorOfAlphaTimesNPlusOneMinusOne(int n, double alpha, int expected) =>
        Assert.Equal(expected, ConformalCalibration.Allowance(n, alpha));

    [Fact]
    public void OverManyDrawsTheRealisedFprAveragesAtMostTheTargetUnlikeThePlainQuantile()
    {
        var random = new Random(4);
        const int n = 1200, fresh = 1000, trials = 600;
        double conformal = 0, plain = 0;
        for (int t = 0; t < trials; t++)
        {
            var calibration = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var test = Enumerable.Range(0, fresh).Select(_ => random.NextDouble()).ToArray();
            var joint = ConformalCalibration.Jointly([calibration], 0.01);
            conformal += ConformalCalibration.FlaggedShare([test], joint.Thresholds) / trials;
            var sorted = calibration.Order().ToArray();
            plain += test.Count(v => v > sorted[n - 12 - 1]) / (double)fresh / trials; // ⌊0.01·1200⌋ = 12 let through
        }
        // expected (k+1)/(n+1): 12/1201 = 0.999 % and 13/1201 = 1.082 %; standard error over 600 trials ≈ 0.012 points
        Assert.InRange(conformal, 0.0095, 0.01035);
        Assert.InRange(plain, 0.0104, 0.0113);
    }

    [Theory]
    [InlineData(1, 0.01, 199)] // ⌈2/0.01⌉ − 1: ⌊0.01·200⌋ − 1 = 1
    [InlineData(3, 0.01, 399)] // the shipped verdict's three scores
    [InlineData(2, 0.05, 59)]
    public void MinimumImagesGiveEveryScoreAnAllowanceOfOne(int scores, double alpha, int expected)
    {
        Assert.Equal(expected, ConformalCalibration.MinimumImages(scores, alpha));
        Assert.True(ConformalCalibration.Allowance(expected, alpha) >= scores);
        Assert.True(ConformalCalibration.Allowance(expected - 1, alpha) < scores);
    }

    [Fact]
    public void TooFewCalibrationImagesFailWithTheCountTheyNeed()
    {
        var random = new Random(2);
        double[][] Scores(int n) => [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray())];
        Assert.Equal(3, ConformalCalibration.Jointly(Scores(399), 0.01).Thresholds.Count);
        var error = Assert.Throws<ArgumentException>(() => ConformalCalibration.Jointly(Scores(398), 0.01));
        Assert.Contains("at least 399", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ConformalCalibration.Jointly(Scores(0), 0.01));
        Assert.Throws<ArgumentException>(() => ConformalCalibration.Jointly(Scores(1000), 1.5));
    }

    [Fact]
    public void FlaggedShareRejectsMismatchedScoresAndThresholds()
    {
        Assert.Equal(0.5, ConformalCalibration.FlaggedShare([[1.0, 3.0], [0.0, 0.0]], [2.0, 5.0]));
        Assert.Throws<ArgumentException>(() => ConformalCalibration.FlaggedShare([[1.0, 3.0]], [2.0, 5.0]));
        Assert.Throws<ArgumentException>(() => ConformalCalibration.FlaggedShare([[1.0, 3.0], [0.0]], [2.0, 5.0]));
        Assert.Throws<ArgumentException>(() => ConformalCalibration.FlaggedShare([], []));
    }

    [Fact]
    public void OverManyDrawsTheJointVerdictOfThreeCorrelatedScoresFlagsAtMostTheTarget()
    {
        // three scores sharing a common factor (correlation 0.5), as anomaly, degenerate and synthetic scores of one image
        // do; the allowance is chosen on the union of the calibration images, so the one-score argument does not carry
        // over directly: measured over 400 exchangeable draws instead
        var random = new Random(6);
        const int n = 1200, fresh = 1000, trials = 400;
        double mean = 0;
        for (int t = 0; t < trials; t++)
        {
            var calibration = Correlated(random, n);
            var joint = ConformalCalibration.Jointly(calibration, 0.01);
            mean += ConformalCalibration.FlaggedShare(Correlated(random, fresh), joint.Thresholds) / trials;
        }
        // per draw sd ≈ 0.43 points (binomial over 1,000 fresh images plus the calibration draw): standard error ≈ 0.022
        // points. Measured 0.944 %; counting only the images above the thresholds (not those they sit on) gave 1.054 %
        // on the same draws, which this bound rejects.
        Assert.InRange(mean, 0.0085, 0.0102);
    }

    private static double[][] Correlated(Random random, int count)
    {
        var common = Enumerable.Range(0, count).Select(_ => Gaussian(random)).ToArray();
        return [.. Enumerable.Range(0, 3).Select(_ => common.Select(c => Math.Sqrt(0.5) * c + Math.Sqrt(0.5) * Gaussian(random)).ToArray())];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
