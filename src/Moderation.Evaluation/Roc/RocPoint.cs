namespace Moderation.Evaluation.Roc;

/// <summary>One operating point of a detector whose flag rule is <c>score &gt; threshold</c>.</summary>
/// <param name="Threshold">The threshold; <see cref="double.NegativeInfinity"/> for the final point that flags
/// everything.</param>
/// <param name="FalsePositiveRate">Fraction of negatives (normal items) with score &gt; threshold, in [0,1].</param>
/// <param name="TruePositiveRate">Fraction of positives (anomalous items) with score &gt; threshold, in [0,1].</param>
public readonly record struct RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);
