namespace Moderation.Evaluation.Plots;

/// <summary>Overlaid histograms over equal-width bins of [<see cref="Lower"/>, <see cref="Upper"/>], each drawn as a
/// translucent step polygon, plus dashed vertical markers; y axis from 0.</summary>
public sealed record HistogramChart
{
    /// <summary>Title above the chart.</summary>
    public required string Title { get; init; }
    /// <summary>X-axis label, with unit.</summary>
    public required string XLabel { get; init; }
    /// <summary>Y-axis label, with unit.</summary>
    public required string YLabel { get; init; }
    /// <summary>Left edge of the first bin.</summary>
    public required double Lower { get; init; }
    /// <summary>Right edge of the last bin; greater than <see cref="Lower"/>.</summary>
    public required double Upper { get; init; }
    /// <summary>The distributions, coloured in order.</summary>
    public required IReadOnlyList<HistogramSeries> Series { get; init; }
    /// <summary>Vertical markers; one outside [Lower, Upper] is clamped to the nearest edge.</summary>
    public IReadOnlyList<VerticalMarker> Markers { get; init; } = [];

    /// <summary>The reports' score histogram: normal vs positive images as shares of each set per bin, with the
    /// calibrated threshold as a marker (flag when score &gt; threshold; scores outside [lower, upper] are counted in the
    /// edge bins by whoever binned them).</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="score">The score's name, for the x axis.</param>
    /// <param name="lower">Left edge of the first bin, score units.</param>
    /// <param name="upper">Right edge of the last bin, score units.</param>
    /// <param name="normal">Normal images (label and per-bin shares, e.g. <see cref="HistogramSeries.OfShares"/>).</param>
    /// <param name="positives">Positive images, same bins.</param>
    /// <param name="threshold">The threshold marker.</param>
    public static HistogramChart ThresholdShares(string title, string score, double lower, double upper,
        HistogramSeries normal, HistogramSeries positives, VerticalMarker threshold) => new()
    {
        Title = title,
        XLabel = $"{score} (flag when > threshold; outliers in the edge bins)",
        YLabel = "fraction of the set per bin",
        Lower = lower,
        Upper = upper,
        Series = [normal, positives],
        Markers = [threshold],
    };

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentException">No series, series with different or zero bin counts, a negative or
    /// non-finite height, or Upper ≤ Lower.</exception>
    public string ToSvg()
    {
        if (Series.Count == 0) throw new ArgumentException("a histogram needs at least one series");
        int bins = Series[0].Heights.Count;
        if (bins == 0 || Series.Any(s => s.Heights.Count != bins)) throw new ArgumentException("every series needs the same, non-zero number of bins");
        if (Series.SelectMany(s => s.Heights).Any(h => !double.IsFinite(h) || h < 0)) throw new ArgumentException("a bin height is negative or not finite");
        double top = Series.SelectMany(s => s.Heights).Max();
        var frame = new ChartFrame(Title, new AxisRange(Lower, Upper), new AxisRange(0, top > 0 ? AxisTicks.NiceCeiling(top * 1.02) : 1));
        frame.DrawAxes(XLabel, YLabel);
        double width = (Upper - Lower) / bins;
        for (int i = 0; i < Series.Count; i++)
        {
            var heights = Series[i].Heights;
            var outline = new List<(double, double)> { (frame.Px(Lower), frame.Py(0)) };
            for (int b = 0; b < bins; b++)
            {
                outline.Add((frame.Px(Lower + b * width), frame.Py(heights[b])));
                outline.Add((frame.Px(Lower + (b + 1) * width), frame.Py(heights[b])));
            }
            outline.Add((frame.Px(Upper), frame.Py(0)));
            frame.Canvas.Polygon(outline, Palette.Color(i), ChartFrame.HistogramFillOpacity, Palette.Color(i));
            frame.LegendEntry(Series[i].Label, Palette.Color(i), LegendSwatch.Box);
        }
        foreach (var marker in Markers)
        {
            double px = frame.Px(Math.Clamp(marker.X, Lower, Upper));
            frame.Canvas.Line(px, frame.Py(frame.YTop), px, frame.Py(0), Palette.Marker, 2, "6 3");
            frame.LegendEntry(marker.Label, Palette.Marker, LegendSwatch.Dashed);
        }
        return frame.Canvas.ToXml();
    }
}
