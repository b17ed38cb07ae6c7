namespace Moderation.Evaluation.Plots;

/// <summary>Curves on shared axes, each drawn as one SVG <c>polyline</c>, with a legend; e.g. ROC curves with the
/// chance diagonal.</summary>
public sealed record LineChart
{
    /// <summary>Title above the chart.</summary>
    public required string Title { get; init; }
    /// <summary>X-axis label, with unit.</summary>
    public required string XLabel { get; init; }
    /// <summary>Y-axis label, with unit.</summary>
    public required string YLabel { get; init; }
    /// <summary>The curves, coloured in order from a 10-colour palette (repeating after 10).</summary>
    public required IReadOnlyList<LineSeries> Series { get; init; }
    /// <summary>X-axis range; null = the data's range.</summary>
    public AxisRange? XRange { get; init; }
    /// <summary>Y-axis range; null = the data's range.</summary>
    public AxisRange? YRange { get; init; }
    /// <summary>Legend text of a dashed y = x segment from (0,0) to (1,1) (e.g. "chance" on a ROC chart); null draws
    /// none. Drawn as a <c>line</c>, not a polyline.</summary>
    public string? DiagonalLabel { get; init; }

    /// <summary>Renders the chart as a standalone SVG document.</summary>
    /// <exception cref="ArgumentException">No series, a series with no points or mismatched lengths, a non-finite
    /// coordinate, or an empty axis range.</exception>
    public string ToSvg()
    {
        if (Series.Count == 0) throw new ArgumentException("a line chart needs at least one series");
        foreach (var s in Series)
        {
            if (s.X.Count == 0 || s.X.Count != s.Y.Count) throw new ArgumentException($"series '{s.Label}' has {s.X.Count} x and {s.Y.Count} y values");
            if (!s.X.Concat(s.Y).All(double.IsFinite)) throw new ArgumentException($"series '{s.Label}' has a non-finite coordinate");
        }
        var frame = new ChartFrame(Title, XRange ?? Extent(Series.SelectMany(s => s.X)), YRange ?? Extent(Series.SelectMany(s => s.Y)));
        frame.DrawAxes(XLabel, YLabel);
        if (DiagonalLabel is not null)
        {
            frame.Canvas.Line(frame.Px(0), frame.Py(0), frame.Px(1), frame.Py(1), "#888888", 1, "5 3");
            frame.LegendEntry(DiagonalLabel, "#888888", LegendSwatch.Dashed);
        }
        for (int i = 0; i < Series.Count; i++)
        {
            var s = Series[i];
            frame.Canvas.Polyline(s.X.Select((x, k) => (frame.Px(x), frame.Py(s.Y[k]))), Palette.Color(i));
            frame.LegendEntry(s.Label, Palette.Color(i), LegendSwatch.Line);
        }
        return frame.Canvas.ToXml();
    }

    private static AxisRange Extent(IEnumerable<double> values)
    {
        double min = values.Min(), max = values.Max();
        return max > min ? new AxisRange(min, max) : new AxisRange(min - 0.5, max + 0.5);
    }
}
