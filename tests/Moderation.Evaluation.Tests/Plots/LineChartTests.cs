using Moderation.Evaluation.Plots;

namespace Moderation.Evaluation.Tests.Plots;

public class LineChartTests
{
    private static LineChart Roc(int curves) => new()
    {
        Title = "ROC <test> & \"quotes\"",
        XLabel = "false-positive rate",
        YLabel = "true-positive rate",
        XRange = new AxisRange(0, 1),
        YRange = new AxisRange(0, 1),
        DiagonalLabel = "chance",
        Series = Enumerable.Range(0, curves).Select(i => new LineSeries($"class {i}", [0, 0.1 * i / curves, 1], [0, 0.5 + 0.04 * i, 1])).ToArray(),
    };

    [Fact]
    public void Each_curve_is_one_polyline_and_the_diagonal_is_not()
    {
        var doc = SvgAssert.Parse(Roc(12).ToSvg());
        var polylines = SvgAssert.Elements(doc, "polyline").ToArray();
        Assert.Equal(12, polylines.Length);
        Assert.All(polylines, p => Assert.Equal(3, p.Attribute("points")!.Value.Split(' ').Length));
        Assert.Equal(polylines[0].Attribute("stroke")!.Value, polylines[10].Attribute("stroke")!.Value); // palette repeats after 10
        Assert.Single(SvgAssert.Elements(doc, "line"), l => l.Attribute("stroke-dasharray")?.Value == "5 3" && l.Attribute("x2")!.Value != l.Attribute("x1")!.Value && l.Attribute("y1")!.Value != l.Attribute("y2")!.Value && (string?)l.Attribute("stroke") == "#888888");
    }

    [Fact]
    public void Title_legend_axis_labels_and_ticks_are_text()
    {
        var texts = SvgAssert.Texts(SvgAssert.Parse(Roc(2).ToSvg())).ToArray();
        Assert.Contains("ROC <test> & \"quotes\"", texts); // escaped in XML, intact after parsing
        Assert.Contains("false-positive rate", texts);
        Assert.Contains("true-positive rate", texts);
        Assert.Contains("class 1", texts);
        Assert.Contains("chance", texts);
        Assert.Equal(2, texts.Count(t => t == "0.6")); // one tick label per axis
    }

    [Fact]
    public void Data_maps_to_the_plot_area_corners()
    {
        var doc = SvgAssert.Parse(Roc(1).ToSvg());
        var points = SvgAssert.Elements(doc, "polyline").Single().Attribute("points")!.Value.Split(' ');
        var frame = SvgAssert.Elements(doc, "rect").Last(); // the plot-area frame is drawn last among rects
        double left = double.Parse(frame.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double top = double.Parse(frame.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double width = double.Parse(frame.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double height = double.Parse(frame.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(FormattableString.Invariant($"{left},{top + height}"), points[0]);  // (0,0) bottom left
        Assert.Equal(FormattableString.Invariant($"{left + width},{top}"), points[^1]);  // (1,1) top right
    }

    [Fact]
    public void Malformed_series_are_refused()
    {
        Assert.Throws<ArgumentException>(() => (Roc(1) with { Series = [] }).ToSvg());
        Assert.Throws<ArgumentException>(() => (Roc(1) with { Series = [new LineSeries("x", [0, 1], [0])] }).ToSvg());
        Assert.Throws<ArgumentException>(() => (Roc(1) with { Series = [new LineSeries("x", [0, double.NaN], [0, 1])] }).ToSvg());
    }
}
