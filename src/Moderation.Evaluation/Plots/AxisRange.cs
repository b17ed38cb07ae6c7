namespace Moderation.Evaluation.Plots;

/// <summary>A closed axis range in data units.</summary>
/// <param name="Min">Left or bottom end.</param>
/// <param name="Max">Right or top end; greater than <paramref name="Min"/>.</param>
public readonly record struct AxisRange(double Min, double Max);
