using Moderation.Evaluation.Metrics;
using Moderation.Core.Metrics;
using Moderation.Evaluation.Roc;

namespace Moderation.Evaluation.Tests.Roc;

public class RocCurveTests
{
    [Fact]
    public void Hand_made_example_has_one_point_per_distinct_threshold()
    {
        // scikit-learn's roc_curve example: y = [0, 0, 1, 1], score = [0.1, 0.4, 0.35, 0.8]; flag rule score > t.
        var curve = RocCurve.Compute([0.1, 0.4], [0.35, 0.8]);
        RocPoint[] expected =
        [
            new(0.8, 0, 0),                       // nothing above 0.8
            new(0.4, 0, 0.5),                     // 0.8 flagged
            new(0.35, 0.5, 0.5),                  // + negative 0.4
            new(0.1, 0.5, 1),                     // + positive 0.35
            new(double.NegativeInfinity, 1, 1),   // + negative 0.1
        ];
        Assert.Equal(expected, curve.Points);
        Assert.Equal(0.75, curve.TrapezoidalArea(), 12);
    }

    [Fact]
    public void Tied_scores_make_a_diagonal_step_worth_one_half()
    {
        var curve = RocCurve.Compute([1, 2], [2, 3]);
        Assert.Equal([(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)],
            curve.Points.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)));
        // pairs (pos, neg): (2,1) win, (2,2) half, (3,1) win, (3,2) win → 3.5 / 4
        Assert.Equal(0.875, curve.TrapezoidalArea(), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Trapezoidal_area_equals_mann_whitney_auroc_on_random_scores(int seed)
    {
        var random = new Random(seed);
        // two decimals → many ties between and within the sets
        var negatives = Enumerable.Range(0, 700).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var positives = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble() * 0.8 + 0.3, 2)).ToArray();
        var curve = RocCurve.Compute(negatives, positives);
        Assert.Equal(DetectionMetrics.Auroc(negatives, positives), curve.TrapezoidalArea(), 12);
    }

    [Fact]
    public void Every_point_is_the_flag_rule_applied_at_its_threshold()
    {
        var random = new Random(5);
        var negatives = Enumerable.Range(0, 200).Select(_ => (double)random.Next(50)).ToArray();
        var positives = Enumerable.Range(0, 100).Select(_ => (double)random.Next(20, 80)).ToArray();
        var points = RocCurve.Compute(negatives, positives).Points;
        Assert.Equal(new RocPoint(positives.Max(), 0, 0), points[0]);
        Assert.Equal(new RocPoint(double.NegativeInfinity, 1, 1), points[^1]);
        Assert.Equal(negatives.Concat(positives).Distinct().Count() + 1, points.Count);
        foreach (var p in points)
        {
            Assert.Equal(RankMetrics.FractionAbove(negatives, p.Threshold), p.FalsePositiveRate, 12);
            Assert.Equal(RankMetrics.FractionAbove(positives, p.Threshold), p.TruePositiveRate, 12);
        }
    }

    [Fact]
    public void Thinned_keeps_the_ends_and_moves_of_at_least_the_step()
    {
        var random = new Random(9);
        var negatives = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var positives = Enumerable.Range(0, 5000).Select(_ => random.NextDouble() + 0.5).ToArray();
        var curve = RocCurve.Compute(negatives, positives);
        var thinned = curve.Thinned(0.01);
        Assert.Equal(curve.Points[0], thinned[0]);
        Assert.Equal(curve.Points[^1], thinned[^1]);
        Assert.InRange(thinned.Count, 50, 2 / 0.01 + 2);
        for (int k = 1; k < thinned.Count - 1; k++)
            Assert.True(thinned[k].FalsePositiveRate - thinned[k - 1].FalsePositiveRate >= 0.01
                        || thinned[k].TruePositiveRate - thinned[k - 1].TruePositiveRate >= 0.01);
        Assert.All(thinned, p => Assert.Contains(p, curve.Points));
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.Thinned(0));
    }

    [Fact]
    public void Empty_or_nan_scores_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([], [1.0]));
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([1.0], []));
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([double.NaN], [1.0]));
    }
}
