using Moderation.Retraining.Detection;

namespace Moderation.Retraining.Tests.Detection;

/// <summary>The split-conformal allowance: known counts, and over many simulated exchangeable draws the realised FPR
/// averages (k+1)/(n+1) ≤ α, where the plain empirical quantile (⌊α·n⌋ let through) averages above α.</summary>
public sealed class ConformalCalibrationTests
{
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
}
