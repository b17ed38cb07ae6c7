using Moderation.Evaluation.OneClass;

namespace Moderation.Evaluation.Tests.OneClass;

public class OneClassEvaluatorTests
{
    // Normal test scores 0..999; anomalous 990..1989 (ten of them tie with the ten highest normal scores).
    private static readonly double[] NormalTest = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
    private static readonly double[] Anomalous = Enumerable.Range(990, 1000).Select(i => (double)i).ToArray();

    private static OneClassScores Scores(double[] calibration) => new()
    {
        ClassIndex = 1,
        ClassName = "Trouser",
        NormalTest = NormalTest,
        Anomalous = Anomalous,
        // 990..999 are "Dress" (3), 1000..1989 are "Sneaker" (7)
        AnomalousClasses = Anomalous.Select(s => s < 1000 ? 3 : 7).ToArray(),
        ClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        Calibration = calibration,
    };

    [Fact]
    public void Calibrated_on_the_normal_scores_the_threshold_is_989_and_every_anomaly_is_caught()
    {
        var r = OneClassEvaluator.Evaluate(Scores(NormalTest), 0.01, trainSeconds: 12.5);
        // ⌈0.99·1000⌉-th smallest of 0..999 = 989; 990..999 are above it: 10/1000 normal, all 1000 anomalous.
        Assert.Equal(989, r.Threshold);
        Assert.Equal(1.0, r.TprAtThreshold);
        Assert.Equal(0.01, r.RealisedFpr, 12);
        Assert.Equal((1, "Trouser", 12.5, 0.01), (r.ClassIndex, r.ClassName, r.TrainSeconds, r.TargetFpr));
        Assert.Equal((1000, 1000, 1000), (r.NormalTestCount, r.AnomalousCount, r.CalibrationCount));
    }

    [Fact]
    public void Shifted_calibration_set_gives_threshold_994_and_hand_computed_figures()
    {
        var calibration = Enumerable.Range(5, 1000).Select(i => (double)i).ToArray(); // 5..1004
        var r = OneClassEvaluator.Evaluate(Scores(calibration), 0.01, double.NaN);

        Assert.Equal(994, r.Threshold);                 // 5 + 989
        Assert.Equal(0.995, r.TprAtThreshold, 12);      // 995..1989 of 990..1989
        Assert.Equal(0.005, r.RealisedFpr, 12);         // 995..999 of 0..999

        // AUROC: anomaly a in 990..999 beats a normals and ties one; every other anomaly beats all 1000.
        double wins = Enumerable.Range(990, 10).Sum(a => a + 0.5) + 990 * 1000.0;
        Assert.Equal(0.99995, wins / 1e6, 12);
        Assert.Equal(0.99995, r.Auroc, 12);

        // AUPRC (ML.NET): trapezoids between the precision–recall points of each example in descending score order,
        // from (0, 1). 990 untied anomalies keep precision 1 up to recall 0.99; then ten tie groups {a, a} for
        // a = 999..990, the normal image first: precision drops to (990+m)/(991+2m) at the same recall, then the
        // anomaly lifts recall by 0.001 to precision (991+m)/(992+2m).
        double auprc = 0.99 + Enumerable.Range(0, 10).Sum(m => 0.001 * ((990.0 + m) / (991 + 2 * m) + (991.0 + m) / (992 + 2 * m)) / 2);
        Assert.Equal(auprc, r.Auprc, 12);

        Assert.Collection(r.PerAnomalousClass,
            dress =>
            {
                Assert.Equal((3, "Dress", 10), (dress.ClassIndex, dress.ClassName, dress.Count));
                Assert.Equal(0.995, dress.Auroc, 12);        // Σ(a + 0.5) / (10·1000) = 9950 / 10000
                Assert.Equal(0.5, dress.TprAtThreshold, 12); // 995..999 of 990..999
            },
            sneaker =>
            {
                Assert.Equal((7, "Sneaker", 990), (sneaker.ClassIndex, sneaker.ClassName, sneaker.Count));
                Assert.Equal(1.0, sneaker.Auroc);
                Assert.Equal(1.0, sneaker.TprAtThreshold);
            });
    }

    [Fact]
    public void Stored_roc_and_histogram_describe_the_same_scores()
    {
        var r = OneClassEvaluator.Evaluate(Scores(NormalTest), 0.01, 1);
        Assert.Equal((0.0, 0.0), (r.Roc.Fpr[0], r.Roc.Tpr[0]));
        Assert.Equal((1.0, 1.0), (r.Roc.Fpr[^1], r.Roc.Tpr[^1]));
        Assert.Equal(r.Roc.Fpr.Count, r.Roc.Tpr.Count);
        Assert.Equal(1000, r.Histogram.NormalCounts.Sum());
        Assert.Equal(1000, r.Histogram.AnomalousCounts.Sum());
        Assert.InRange(r.Threshold, r.Histogram.Lower, r.Histogram.Upper);
    }

    [Fact]
    public void Positives_without_classes_have_no_breakdown()
    {
        var r = OneClassEvaluator.Evaluate(Scores(NormalTest) with { AnomalousClasses = null }, 0.01, 1);
        Assert.Empty(r.PerAnomalousClass);
    }

    [Fact]
    public void Unnamed_anomalous_classes_are_called_class_k()
    {
        var r = OneClassEvaluator.Evaluate(Scores(NormalTest) with { ClassNames = null }, 0.01, 1);
        Assert.Equal(["class 3", "class 7"], r.PerAnomalousClass.Select(p => p.ClassName));
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OneClassEvaluator.Evaluate(Scores(NormalTest) with { AnomalousClasses = [3, 7] }, 0.01, 1));
        // 1 % needs at least 100 calibration scores
        Assert.Throws<ArgumentException>(() => OneClassEvaluator.Evaluate(Scores(NormalTest[..99]), 0.01, 1));
        Assert.Throws<ArgumentException>(() => OneClassEvaluator.Evaluate(Scores(NormalTest) with { NormalTest = [] }, 0.01, 1));
    }
}
