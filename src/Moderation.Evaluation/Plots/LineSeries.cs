namespace Moderation.Evaluation.Plots;

/// <summary>One curve of a <see cref="LineChart"/>: points (X[i], Y[i]) joined in order.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="X">X coordinates in data units.</param>
/// <param name="Y">Y coordinates in data units, same length as <paramref name="X"/>.</param>
public sealed record LineSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);
