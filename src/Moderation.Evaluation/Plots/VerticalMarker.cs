namespace Moderation.Evaluation.Plots;

/// <summary>A dashed vertical line across a chart, e.g. the calibrated threshold.</summary>
/// <param name="X">Position in data units.</param>
/// <param name="Label">Legend text.</param>
public sealed record VerticalMarker(double X, string Label);
