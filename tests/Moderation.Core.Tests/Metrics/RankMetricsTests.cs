using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public class RankMetricsTests
{
    [Fact]
    public void FractionAbove_counts_strictly_greater() =>
        Assert.Equal(0.5, RankMetrics.FractionAbove([1, 2, 3, 4], 2));

    [Fact]
    public void FractionAbove_refuses_no_scores() =>
        Assert.Throws<ArgumentException>(() => RankMetrics.FractionAbove([], 0));
}
