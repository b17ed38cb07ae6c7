using Moderation.Evaluation.Metrics;

namespace Moderation.Evaluation.Tests.Metrics;

/// <summary>ML.NET's figures against values computed by hand.</summary>
public sealed class DetectionMetricsTests
{
    // scikit-learn's documented example: y_true = [0, 0, 1, 1], y_score = [0.1, 0.4, 0.35, 0.8] → roc_auc_score 0.75.
    // By hand: of the 4 (positive, negative) pairs, 0.35 beats 0.1, 0.8 beats both, 0.35 loses to 0.4: 3/4.
    private static readonly double[] Negatives = [0.1, 0.4];
    private static readonly double[] Positives = [0.35, 0.8];

    [Fact]
    public void AurocOfTheScikitLearnExampleIsThreeQuarters() =>
        Assert.Equal(0.75, DetectionMetrics.Auroc(Negatives, Positives), 12);

    [Fact]
    public void AurocIsOneForPerfectSeparationAndZeroForReversed()
    {
        Assert.Equal(1.0, DetectionMetrics.Auroc([1, 2, 3], [4, 5]), 12);
        Assert.Equal(0.0, DetectionMetrics.Auroc([4, 5], [1, 2, 3]), 12);
    }

    [Fact]
    public void TiesCountOneHalf()
    {
        Assert.Equal(0.5, DetectionMetrics.Auroc([1, 1, 1], [1, 1]), 12);
        // one positive tied with one of two negatives, above the other: (1 + 0.5) / 2
        Assert.Equal(0.75, DetectionMetrics.Auroc([0, 2], [2]), 12);
    }

    [Fact]
    public void AurocEqualsTheBruteForcePairCountOnRandomScoresWithTies()
    {
        var random = new Random(7);
        var neg = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var pos = Enumerable.Range(0, 200).Select(_ => Math.Round(random.NextDouble() + 0.3, 2)).ToArray();
        double wins = 0;
        foreach (var p in pos)
            foreach (var n in neg)
                wins += (float)p > (float)n ? 1 : (float)p == (float)n ? 0.5 : 0;
        Assert.Equal(wins / (pos.Length * neg.Length), DetectionMetrics.Auroc(neg, pos), 9);
    }

    [Fact]
    public void AuprcOfPerfectSeparationIsOneAndOfTheExampleMatchesTheHandComputedFigure()
    {
        Assert.Equal(1.0, DetectionMetrics.Compute([1, 2, 3], [4, 5]).Auprc, 9);
        // Precision–recall points example by example in descending score order, from (recall 0, precision 1):
        // 0.8 (positive) → (0.5, 1); 0.4 (negative) → (0.5, 1/2); 0.35 (positive) → (1, 2/3); 0.1 (negative) → (1, 1/2).
        // Trapezoids: 0.5·(1 + 1)/2 + 0 + 0.5·(1/2 + 2/3)/2 = 0.5 + 0.291666… = 0.791666… (average precision would
        // be 0.8333…: ML.NET's AUPRC is the trapezoidal area).
        Assert.Equal(0.5 + 0.5 * (0.5 + 2.0 / 3) / 2, DetectionMetrics.Compute(Negatives, Positives).Auprc, 9);
    }

    [Fact]
    public void EmptyOrNanScoresAreRefused()
    {
        Assert.Throws<ArgumentException>(() => DetectionMetrics.Compute([], [1.0]));
        Assert.Throws<ArgumentException>(() => DetectionMetrics.Compute([double.NaN], [1.0]));
    }
}
