using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public sealed class ExceedancesTests
{
    [Theory]
    [InlineData(2400, 23, 1000, 20, 0.0126297920)] // Σ_{x≥20} BetaBinomial(1000, 24, 2377), log-gamma sums (Python), computed independently
    [InlineData(2400, 23, 1000, 18, 0.0334544139)]
    [InlineData(2400, 8, 1000, 11, 0.0088090681)]
    [InlineData(1200, 11, 1000, 21, 0.0165878553)]
    [InlineData(2400, 23, 1000, 5, 0.9464935856)]
    public void At_least_is_the_beta_binomial_upper_tail(int n, int k, int m, int x, double expected) =>
        Assert.Equal(expected, Exceedances.AtLeast(n, k, m, x), 8);

    [Theory]
    [InlineData(4, 1, 3)]
    [InlineData(5, 0, 2)]
    [InlineData(3, 2, 4)]
    public void At_least_is_the_exact_permutation_law(int n, int k, int m)
    {
        // every choice of which m of the n + m pooled ranks (0 = largest) are test images is equally likely; X counts the
        // test images ranked above the (k+1)-th largest calibration image
        var counts = new int[m + 1];
        int total = 0;
        foreach (var test in Choose(n + m, m))
        {
            int calibrationSeen = 0, above = 0;
            for (int rank = 0; rank < n + m && calibrationSeen <= k; rank++)
                if (test.Contains(rank)) above++; else calibrationSeen++;
            counts[above]++;
            total++;
        }
        for (int x = 0; x <= m; x++)
            Assert.Equal(counts[x..].Sum() / (double)total, Exceedances.AtLeast(n, k, m, x), 12);
    }

    [Fact]
    public void Conformal_rank_is_the_floor_of_rate_times_n_plus_one()
    {
        Assert.Equal(24, Exceedances.ConformalRank(2400, 0.01));
        Assert.Equal(12, Exceedances.ConformalRank(1200, 0.01));
        Assert.Equal(1, Exceedances.ConformalRank(99, 0.01)); // 0.01 · 100 = 1 exactly, not 0.99999…
        Assert.Equal(0, Exceedances.ConformalRank(98, 0.01));
        Assert.Equal(23, Exceedances.ConformalAllowance(2400, 0.01)); // the verdict may flag l − 1 calibration images
        Assert.Equal(0, Exceedances.ConformalAllowance(98, 0.01));    // never negative
    }

    [Fact]
    public void The_conformal_case_agrees_with_the_intervals_beta_binomial_mass()
    {
        var interval = BinomialInterval.Of(1000, 0.01);
        int l = Exceedances.ConformalRank(2400, 0.01);
        double inside = Exceedances.AtLeast(2400, l - 1, 1000, interval.LowCount) - Exceedances.AtLeast(2400, l - 1, 1000, interval.HighCount + 1);
        Assert.Equal(interval.Probability(l, 2400 + 1 - l), inside, 10);
    }

    [Theory]
    [InlineData(0, 0, 10, 0)]
    [InlineData(10, 10, 10, 0)]
    [InlineData(10, -1, 10, 0)]
    [InlineData(10, 0, 0, 0)]
    [InlineData(10, 0, 10, 11)]
    [InlineData(10, 0, 10, -1)]
    public void Counts_out_of_range_are_refused(int n, int k, int m, int x) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Exceedances.AtLeast(n, k, m, x));

    private static IEnumerable<HashSet<int>> Choose(int n, int m) =>
        m == 0 ? [[]] : n < m ? [] : Choose(n - 1, m).Concat(Choose(n - 1, m - 1).Select(s => new HashSet<int>(s) { n - 1 }));
}
