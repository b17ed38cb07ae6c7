using Moderation.Evaluation.OneClass;
using Moderation.Evaluation.Results;

namespace Moderation.Evaluation.Tests.Fixtures;

/// <summary>A full ten-class evaluation over seeded Gaussian scores shaped like the real protocol: 1,000 normal test
/// scores, 1,000 per anomalous class (closer classes overlap more), 600 calibration scores, 1,000 generator samples.</summary>
internal static class SampleEvaluation
{
    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static OneClassScores AnomalyScores(int normalClass)
    {
        var random = new Random(1000 + normalClass);
        var anomalous = new List<double>();
        var labels = new List<int>();
        for (int k = 0; k < ClassNames.Length; k++)
        {
            if (k == normalClass) continue;
            double shift = 0.4 + 0.35 * Math.Abs(k - normalClass);
            for (int i = 0; i < 1000; i++) { anomalous.Add(Gaussian(random, shift)); labels.Add(k); }
        }
        return new OneClassScores
        {
            ClassIndex = normalClass,
            ClassName = ClassNames[normalClass],
            NormalTest = Draw(random, 1000, 0),
            Anomalous = anomalous,
            AnomalousClasses = labels,
            ClassNames = ClassNames,
            Calibration = Draw(random, 600, 0),
        };
    }

    public static OneClassScores SyntheticScores(int normalClass)
    {
        var random = new Random(2000 + normalClass);
        return new OneClassScores
        {
            ClassIndex = normalClass,
            ClassName = ClassNames[normalClass],
            NormalTest = Draw(random, 1000, 0),
            Anomalous = Draw(random, 1000, 1.5),
            Calibration = Draw(random, 600, 0),
        };
    }

    public static EvaluationResult Build(int classCount = 10)
    {
        var classes = Enumerable.Range(0, classCount).ToArray();
        return new EvaluationResult
        {
            Dataset = "fashion-mnist",
            NormalDefinition = "One class at a time is normal: its training images train the GAN, held-out ones calibrate.",
            Run = RunMetadata.Capture(new FixedTimeProvider(Now), "moderation evaluate --epochs 2 --seed 7", 7, 2, 123.4),
            Kinds =
            [
                ScoreKindResult.Create(ScoreKinds.Anomaly, "feature distance; positives: the other nine classes' test images",
                    classes.Select(c => OneClassEvaluator.Evaluate(AnomalyScores(c), 0.01, 10 + c))),
                ScoreKindResult.Create(ScoreKinds.Synthetic, "negated logit; positives: generator samples",
                    classes.Select(c => OneClassEvaluator.Evaluate(SyntheticScores(c), 0.01, 10 + c))),
            ],
        };
    }

    private static double[] Draw(Random random, int count, double mean) => Enumerable.Range(0, count).Select(_ => Gaussian(random, mean)).ToArray();

    // Box–Muller; rounded to 3 decimals so that ties occur as with float32 scores.
    private static double Gaussian(Random random, double mean) =>
        Math.Round(mean + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()), 3);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
