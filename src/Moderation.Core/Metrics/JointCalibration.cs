namespace Moderation.Core.Metrics;

/// <summary>Thresholds for several scores calibrated together so that the flag rule "any score above its threshold"
/// stays within a budget on normal data (<see cref="ThresholdCalibrator.Jointly"/>).</summary>
/// <param name="Thresholds">One threshold per score, in the order the scores were given; flag rule <c>score &gt; t</c>.</param>
/// <param name="PerScoreFpr">The false-positive rate each threshold was set at on the calibration scores, in (0, target].</param>
/// <param name="UnionFpr">Fraction of the calibration images with at least one score above its threshold (≤ target).</param>
public sealed record JointCalibration(IReadOnlyList<double> Thresholds, double PerScoreFpr, double UnionFpr);
