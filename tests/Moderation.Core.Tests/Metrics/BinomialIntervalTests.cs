using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public sealed class BinomialIntervalTests
{
    // Expected counts from the exact binomial tails, summed term by term in log space (Python, math.lgamma):
    // k_lo = smallest k with P(X ≤ k) > 2.5 %, k_hi = largest k with P(X ≥ k) > 2.5 %.
    [Theory]
    [InlineData(1000, 0.01, 4, 17)]
    [InlineData(1200, 0.01, 6, 19)]
    [InlineData(10000, 0.01, 81, 120)]
    [InlineData(100, 0.05, 1, 10)]
    public void Central_95_percent_interval_matches_the_exact_binomial_tails(int n, double p, int low, int high)
    {
        var interval = BinomialInterval.Of(n, p);

        Assert.Equal((low, high), (interval.LowCount, interval.HighCount));
        Assert.Equal((double)low / n, interval.Low, 12);
        Assert.Equal((double)high / n, interval.High, 12);
    }

    [Fact]
    public void Counts_at_the_edges_are_inside_and_one_past_them_outside()
    {
        var interval = BinomialInterval.Of(1000, 0.01);

        Assert.True(interval.Contains(4) && interval.Contains(17) && interval.Contains(0.010));
        Assert.False(interval.Contains(3) || interval.Contains(18) || interval.Contains(0.021));
    }

    [Fact]
    public void Probability_is_the_binomial_or_beta_binomial_mass_of_the_interval()
    {
        var interval = BinomialInterval.Of(1000, 0.01);

        Assert.Equal(0.97609476, interval.Probability(0.01), 6); // Σ_{x=4..17} C(1000,x) 0.01^x 0.99^(1000−x), computed independently
        Assert.Equal(0.90845016, interval.Probability(12, 1189), 6); // the rate Beta(12, 1189): 1,200 calibration images
        Assert.Equal(interval.Probability(0.01), interval.Probability(1e7 * 0.01, 1e7 * 0.99), 3); // a sharp Beta is the binomial
        Assert.True(interval.Probability(0.03) < 0.05);
        Assert.Throws<ArgumentOutOfRangeException>(() => interval.Probability(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => interval.Probability(0, 3));
    }

    [Fact]
    public void A_wider_confidence_gives_a_wider_interval()
    {
        var narrow = BinomialInterval.Of(1000, 0.01, 0.80);
        var wide = BinomialInterval.Of(1000, 0.01, 0.99);

        Assert.True(wide.LowCount < narrow.LowCount && wide.HighCount > narrow.HighCount);
    }

    [Theory]
    [InlineData(0, 0.01, 0.95)]
    [InlineData(100, 0.0, 0.95)]
    [InlineData(100, 1.0, 0.95)]
    [InlineData(100, 0.01, 1.0)]
    public void Arguments_out_of_range_are_refused(int n, double p, double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Of(n, p, confidence));
}
