namespace Moderation.Evaluation.Plots;

/// <summary>Layout shared by the charts: a 700×420 px canvas, title on top, plot area with a grid, ticked axes and
/// axis labels, legend on the right. Maps data coordinates to pixels.</summary>
internal sealed class ChartFrame
{
    public const int Width = 700, Height = 420;
    public const double HistogramFillOpacity = 0.35;
    private const double Left = 70, Top = 42, Right = 468, Bottom = 364, LegendX = 484;
    private readonly AxisRange x, y;
    private int legendRows;

    public ChartFrame(string title, AxisRange x, AxisRange y)
    {
        if (!(x.Max > x.Min) || !(y.Max > y.Min)) throw new ArgumentException($"empty axis range x={x} y={y}");
        (this.x, this.y) = (x, y);
        Canvas = new SvgCanvas(Width, Height);
        Canvas.Text(Width / 2.0, 24, title, "middle", size: 15, bold: true);
    }

    public SvgCanvas Canvas { get; }

    /// <summary>The top of the y axis, in data units.</summary>
    public double YTop => y.Max;

    public double Px(double value) => Left + (value - x.Min) / (x.Max - x.Min) * (Right - Left);

    public double Py(double value) => Bottom - (value - y.Min) / (y.Max - y.Min) * (Bottom - Top);

    /// <summary>Grid lines and tick labels at nice positions, the frame, and both axis labels.</summary>
    public void DrawAxes(string xLabel, string yLabel)
    {
        double xStep = AxisTicks.Step(x.Min, x.Max), yStep = AxisTicks.Step(y.Min, y.Max);
        foreach (var t in AxisTicks.Positions(x.Min, x.Max))
        {
            Canvas.Line(Px(t), Top, Px(t), Bottom, Palette.Grid);
            Canvas.Line(Px(t), Bottom, Px(t), Bottom + 5, Palette.Axis);
            Canvas.Text(Px(t), Bottom + 19, AxisTicks.Label(t, xStep), "middle");
        }
        foreach (var t in AxisTicks.Positions(y.Min, y.Max))
        {
            Canvas.Line(Left, Py(t), Right, Py(t), Palette.Grid);
            Canvas.Line(Left - 5, Py(t), Left, Py(t), Palette.Axis);
            Canvas.Text(Left - 8, Py(t) + 4, AxisTicks.Label(t, yStep), "end");
        }
        Canvas.Rect(Left, Top, Right - Left, Bottom - Top, fill: null, stroke: Palette.Axis);
        Canvas.Text((Left + Right) / 2, Height - 16, xLabel, "middle", size: 13);
        Canvas.Text(18, (Top + Bottom) / 2, yLabel, "middle", size: 13, rotate: -90);
    }

    /// <summary>One legend row: a swatch (solid line, dashed line or filled box) and its label.</summary>
    public void LegendEntry(string label, string color, LegendSwatch swatch)
    {
        double rowY = Top + 8 + legendRows++ * 20;
        switch (swatch)
        {
            case LegendSwatch.Box:
                Canvas.Rect(LegendX, rowY - 6, 22, 12, fill: color, stroke: color, fillOpacity: HistogramFillOpacity);
                break;
            default:
                Canvas.Line(LegendX, rowY, LegendX + 22, rowY, color, 2, swatch == LegendSwatch.Dashed ? "5 3" : null);
                break;
        }
        Canvas.Text(LegendX + 28, rowY + 4, label);
    }
}
