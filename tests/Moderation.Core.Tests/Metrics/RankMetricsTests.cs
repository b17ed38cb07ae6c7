using Moderation.Core.Metrics;

namespace Moderation.Core.Tests.Metrics;

public class RankMetricsTests
{
    // scikit-learn's documented example: y_true = [0, 0, 1, 1], y_score = [0.1, 0.4, 0.35, 0.8]
    // roc_auc_score → 0.75, average_precision_score → 0.8333…
    private static readonly double[] Negatives = [0.1, 0.4];
    private static readonly double[] Positives = [0.35, 0.8];

    [Fact]
    public void Auroc_matches_scikit_learn_example() =>
        Assert.Equal(0.75, RankMetrics.Auroc(Negatives, Positives), 12);

    [Fact]
    public void AveragePrecision_matches_scikit_learn_example() =>
        Assert.Equal(0.8333333333333333, RankMetrics.AveragePrecision(Negatives, Positives), 12);

    [Fact]
    public void Auroc_is_one_for_perfect_separation_and_zero_for_reversed()
    {
        Assert.Equal(1.0, RankMetrics.Auroc([1, 2, 3], [4, 5]));
        Assert.Equal(0.0, RankMetrics.Auroc([4, 5], [1, 2, 3]));
    }

    [Fact]
    public void Ties_count_one_half()
    {
        Assert.Equal(0.5, RankMetrics.Auroc([1, 1, 1], [1, 1]));
        // one positive tied with one of two negatives, above the other: (1 + 0.5) / 2
        Assert.Equal(0.75, RankMetrics.Auroc([0, 2], [2]));
    }

    [Fact]
    public void Auroc_equals_brute_force_pair_count_on_random_scores()
    {
        var random = new Random(7);
        var neg = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var pos = Enumerable.Range(0, 200).Select(_ => Math.Round(random.NextDouble() + 0.3, 2)).ToArray();
        double wins = 0;
        foreach (var p in pos)
            foreach (var n in neg)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        Assert.Equal(wins / (pos.Length * neg.Length), RankMetrics.Auroc(neg, pos), 12);
    }

    [Fact]
    public void Empty_or_nan_scores_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RankMetrics.Auroc([], [1.0]));
        Assert.Throws<ArgumentException>(() => RankMetrics.Auroc([double.NaN], [1.0]));
    }

    [Fact]
    public void FractionAbove_counts_strictly_greater() =>
        Assert.Equal(0.5, RankMetrics.FractionAbove([1, 2, 3, 4], 2));
}
