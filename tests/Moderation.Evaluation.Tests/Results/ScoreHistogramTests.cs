using Moderation.Evaluation.Results;

namespace Moderation.Evaluation.Tests.Results;

public class ScoreHistogramTests
{
    [Fact]
    public void Counts_land_in_hand_computed_bins()
    {
        // range [0, 10] (threshold 10 is the top), 5 bins of width 2: [0,2) [2,4) [4,6) [6,8) [8,10]
        var h = ScoreHistogram.Compute([0, 1, 2, 3.5], [4, 7.9, 8, 10], threshold: 10, bins: 5);
        Assert.Equal((0.0, 10.0), (h.Lower, h.Upper));
        Assert.Equal([2, 2, 0, 0, 0], h.NormalCounts);
        Assert.Equal([0, 0, 1, 1, 2], h.AnomalousCounts);
    }

    [Fact]
    public void Outliers_are_clamped_into_the_edge_bins_and_the_range_ignores_them()
    {
        var normal = Enumerable.Range(0, 1000).Select(i => i / 1000.0).Append(-1e9).ToArray();
        var anomalous = Enumerable.Range(0, 1000).Select(i => 1 + i / 1000.0).Append(double.PositiveInfinity).ToArray();
        var h = ScoreHistogram.Compute(normal, anomalous, threshold: 0.99, bins: 20);
        Assert.InRange(h.Lower, -0.01, 0.01);
        Assert.InRange(h.Upper, 1.98, 2.0);
        Assert.Equal(1001, h.NormalCounts.Sum());
        Assert.Equal(1001, h.AnomalousCounts.Sum());
        Assert.True(h.NormalCounts[0] >= 2);
        Assert.True(h.AnomalousCounts[^1] >= 2);
    }

    [Fact]
    public void A_single_value_gets_a_padded_range()
    {
        var h = ScoreHistogram.Compute([3, 3], [3], threshold: 3, bins: 4);
        Assert.True(h.Upper > h.Lower);
        Assert.Equal(2, h.NormalCounts.Sum());
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ScoreHistogram.Compute([], [1], 0));
        Assert.Throws<ArgumentException>(() => ScoreHistogram.Compute([double.NaN], [1], 0));
        Assert.Throws<ArgumentException>(() => ScoreHistogram.Compute([1], [2], double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreHistogram.Compute([1], [2], 1, bins: 0));
    }
}
