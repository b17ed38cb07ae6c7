namespace Moderation.Evaluation.Plots;

/// <summary>One distribution of a <see cref="HistogramChart"/>.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Heights">Bar height per bin (e.g. fraction of the set), ≥ 0; every series of a chart has the same
/// number of bins.</param>
public sealed record HistogramSeries(string Label, IReadOnlyList<double> Heights);
