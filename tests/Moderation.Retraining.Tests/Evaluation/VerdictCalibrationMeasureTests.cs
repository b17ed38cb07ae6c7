using Moderation.Retraining.Evaluation;

namespace Moderation.Retraining.Tests.Evaluation;

/// <summary>The verdict's per-score breakdown on known counts: two scores whose largest calibration values fall on
/// different images.</summary>
public sealed class VerdictCalibrationMeasureTests
{
    // 39 calibration images at α = 0.1: the allowance is ⌊0.1·40⌋ − 1 = 3, so 4 images may lie on or above a threshold.
    // Score a ranks images 1..39, score b the other way round: k = 2 puts 3 + 3 images on or above (6 > 4), k = 1 puts
    // 2 + 2 (4): thresholds 38 and 38, each score alone flags 1 of 39 calibration images (the one scoring 39).
    private static readonly double[][] Calibration =
        [[.. Enumerable.Range(1, 39).Select(i => (double)i)], [.. Enumerable.Range(1, 39).Select(i => 40.0 - i)]];

    // test image 0 flagged by a only, 1 by both, 2 by b only, 3 by neither
    private static readonly double[][] Test = [[39, 40, 1, 1], [1, 40, 39, 1]];

    [Fact]
    public void EachScoreReportsItsJointThresholdAndWhatItFlagsAloneAndOnlyItFlags()
    {
        var result = VerdictCalibrationMeasure.Measure(1, ["a", "b"], Calibration, Test, 0.1);

        Assert.Equal("Trouser", result.ClassName);
        Assert.Equal((39, 4), (result.CalibrationImages, result.TestImages));
        Assert.Equal(0.75, result.RealisedFpr, 12);
        Assert.Equal(["a", "b"], result.Scores.Select(s => s.Output));
        Assert.All(result.Scores, s =>
        {
            Assert.Equal(38, s.Threshold);
            Assert.Equal(1.0 / 39, s.CalibrationFpr, 12);
            Assert.Equal(0.5, s.RealisedFpr, 12);
            Assert.Equal(0.25, s.OnlyThisScoreFpr, 12);
        });
    }

    [Fact]
    public void AnImageEveryScoreFlagsIsNoScoresOwn()
    {
        double[][] both = [[40, 40], [40, 1]];
        Assert.Equal(0, VerdictCalibrationMeasure.OnlyBy(both, [38, 38], 1));
        Assert.Equal(0.5, VerdictCalibrationMeasure.OnlyBy(both, [38, 38], 0), 12);
    }
}
