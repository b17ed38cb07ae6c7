using Moderation.Evaluation.Results;

namespace Moderation.Evaluation.Tests.Results;

public class ScoreKindResultTests
{
    private static ClassResult Class(int index, string name, double auroc, double auprc, double tpr, double fpr) => new()
    {
        ClassIndex = index, ClassName = name, TrainSeconds = 1, NormalTestCount = 100, AnomalousCount = 900, CalibrationCount = 100,
        Auroc = auroc, Auprc = auprc, TargetFpr = 0.01, Threshold = 1, TprAtThreshold = tpr, RealisedFpr = fpr,
        Roc = new RocSummary { Fpr = [0, 1], Tpr = [0, 1] },
        Histogram = new ScoreHistogram { Lower = 0, Upper = 1, NormalCounts = [100], AnomalousCounts = [900] },
    };

    [Fact]
    public void Aggregate_is_the_unweighted_mean_and_the_worst_class_by_auroc()
    {
        var kind = ScoreKindResult.Create(ScoreKinds.Anomaly, "test",
            [Class(6, "Shirt", 0.80, 0.90, 0.30, 0.02), Class(1, "Trouser", 0.99, 0.99, 0.90, 0.00), Class(3, "Dress", 0.90, 0.96, 0.60, 0.01)]);
        Assert.Equal([1, 3, 6], kind.Classes.Select(c => c.ClassIndex));
        var a = kind.Aggregate;
        Assert.Equal(3, a.ClassCount);
        Assert.Equal((0.80 + 0.99 + 0.90) / 3, a.MeanAuroc, 12);
        Assert.Equal((0.80, 6, "Shirt"), (a.WorstAuroc, a.WorstClassIndex, a.WorstClassName));
        Assert.Equal((0.90 + 0.99 + 0.96) / 3, a.MeanAuprc, 12);
        Assert.Equal(0.6, a.MeanTprAtThreshold, 12);
        Assert.Equal(0.01, a.MeanRealisedFpr, 12);
    }

    [Theory]
    [InlineData("Anomaly")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Kind_names_that_are_not_file_name_safe_are_refused(string kind) =>
        Assert.Throws<ArgumentException>(() => ScoreKindResult.Create(kind, "x", [Class(0, "a", 0.5, 0.5, 0.5, 0.5)]));

    [Fact]
    public void A_class_twice_or_no_class_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ScoreKindResult.Create("k", "x", [Class(0, "a", 0.5, 0.5, 0.5, 0.5), Class(0, "a", 0.6, 0.5, 0.5, 0.5)]));
        Assert.Throws<ArgumentException>(() => ScoreKindResult.Create("k", "x", []));
    }
}
