namespace Moderation.Evaluation.Plots;

/// <summary>One distribution of a <see cref="HistogramChart"/>.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Heights">Bar height per bin (e.g. fraction of the set), ≥ 0; every series of a chart has the same
/// number of bins.</param>
public sealed record HistogramSeries(string Label, IReadOnlyList<double> Heights)
{
    /// <summary>A series whose heights are each bin's share of the set: count / total (all 0 when the set is empty).</summary>
    /// <param name="label">Legend text.</param>
    /// <param name="counts">Images per bin, ≥ 0.</param>
    public static HistogramSeries OfShares(string label, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double total = Math.Max(1, counts.Sum());
        return new HistogramSeries(label, [.. counts.Select(n => n / total)]);
    }
}
