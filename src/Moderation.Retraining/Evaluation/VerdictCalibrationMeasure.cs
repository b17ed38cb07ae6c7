using Moderation.Core.Metrics;
using Moderation.Evaluation.Results;
using Moderation.Retraining.Detection;
using Moderation.Training.Data;

namespace Moderation.Retraining.Evaluation;

/// <summary>The verdict's thresholds (conformal, joint) on the calibration scores, measured on the normal test scores,
/// in total and per score.</summary>
internal static class VerdictCalibrationMeasure
{
    /// <param name="c">The normal class.</param>
    /// <param name="outputs">The verdict's ONNX outputs.</param>
    /// <param name="calibration">Per output, the calibration images' scores.</param>
    /// <param name="normalTest">Per output, the normal test images' scores.</param>
    /// <param name="targetFpr">α.</param>
    public static VerdictCalibrationResult Measure(int c, IReadOnlyList<string> outputs, double[][] calibration, double[][] normalTest, double targetFpr)
    {
        var joint = ConformalCalibration.Jointly(calibration, targetFpr);
        double realised = ConformalCalibration.FlaggedShare(normalTest, joint.Thresholds);
        var interval = BinomialInterval.Of(normalTest[0].Length, targetFpr);
        return new VerdictCalibrationResult
        {
            ClassIndex = c, ClassName = FashionMnist.ClassNames[c], Outputs = outputs, CalibrationImages = calibration[0].Length,
            TestImages = normalTest[0].Length, TargetFpr = targetFpr, RealisedFpr = realised,
            IntervalLow = interval.Low, IntervalHigh = interval.High, Inside = interval.Contains(realised),
            ChanceInside = ConformalCalibration.ChanceInside(interval, calibration[0].Length),
            Scores = [.. outputs.Select((o, j) => new VerdictScoreCalibration
            {
                Output = o,
                Threshold = joint.Thresholds[j],
                CalibrationFpr = ConformalCalibration.FlaggedShare([calibration[j]], [joint.Thresholds[j]]),
                RealisedFpr = ConformalCalibration.FlaggedShare([normalTest[j]], [joint.Thresholds[j]]),
                OnlyThisScoreFpr = OnlyBy(normalTest, joint.Thresholds, j),
            })],
        };
    }

    /// <summary>Share of images that score <paramref name="j"/> flags and no other score does.</summary>
    internal static double OnlyBy(double[][] scores, IReadOnlyList<double> thresholds, int j) =>
        Enumerable.Range(0, scores[0].Length).Count(i => scores[j][i] > thresholds[j]
            && Enumerable.Range(0, scores.Length).All(other => other == j || scores[other][i] <= thresholds[other])) / (double)scores[0].Length;
}
