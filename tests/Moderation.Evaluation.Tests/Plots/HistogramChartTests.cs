using Moderation.Evaluation.Plots;

namespace Moderation.Evaluation.Tests.Plots;

public class HistogramChartTests
{
    private static HistogramChart Chart() => new()
    {
        Title = "scores",
        XLabel = "score",
        YLabel = "fraction per bin",
        Lower = -2,
        Upper = 6,
        Series = [new HistogramSeries("normal", [0.5, 0.3, 0.2, 0, 0, 0, 0, 0]), new HistogramSeries("anomalous", [0, 0, 0.1, 0.2, 0.3, 0.2, 0.1, 0.1])],
        Markers = [new VerticalMarker(1.5, "threshold 1.5")],
    };

    [Fact]
    public void Each_series_is_one_step_polygon_and_the_threshold_a_dashed_line()
    {
        var doc = SvgAssert.Parse(Chart().ToSvg());
        var polygons = SvgAssert.Elements(doc, "polygon").ToArray();
        Assert.Equal(2, polygons.Length);
        Assert.All(polygons, p => Assert.Equal(2 + 2 * 8, p.Attribute("points")!.Value.Split(' ').Length));
        var marker = Assert.Single(SvgAssert.Elements(doc, "line"), l => l.Attribute("stroke-dasharray")?.Value == "6 3");
        Assert.Equal(marker.Attribute("x1")!.Value, marker.Attribute("x2")!.Value); // vertical
        Assert.Contains("threshold 1.5", SvgAssert.Texts(doc));
        Assert.Contains("0.6", SvgAssert.Texts(doc)); // y axis reaches the nice ceiling above 0.5
    }

    [Fact]
    public void Mismatched_bins_or_negative_heights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => (Chart() with { Series = [new HistogramSeries("a", [1]), new HistogramSeries("b", [1, 2])] }).ToSvg());
        Assert.Throws<ArgumentException>(() => (Chart() with { Series = [new HistogramSeries("a", [-1])] }).ToSvg());
        Assert.Throws<ArgumentException>(() => (Chart() with { Upper = -2 }).ToSvg());
    }

    [Fact]
    public void A_series_of_shares_divides_each_bin_by_the_total_and_an_empty_set_gives_zeros()
    {
        Assert.Equal([0.1, 0.0, 0.6, 0.3], HistogramSeries.OfShares("a", [1, 0, 6, 3]).Heights);
        Assert.Equal([0.0, 0.0], HistogramSeries.OfShares("empty", [0, 0]).Heights);
    }

    [Fact]
    public void The_threshold_shares_chart_names_the_score_the_unit_and_the_threshold()
    {
        var chart = HistogramChart.ThresholdShares("t", "anomaly_score", 0, 2,
            HistogramSeries.OfShares("normal", [3, 1]), HistogramSeries.OfShares("positives", [1, 3]), new VerticalMarker(1.5, "threshold 1.5"));
        Assert.Equal("anomaly_score (flag when > threshold; outliers in the edge bins)", chart.XLabel);
        Assert.Equal("fraction of the set per bin", chart.YLabel);
        Assert.Equal([0.75, 0.25], chart.Series[0].Heights);
        Assert.Equal([0.25, 0.75], chart.Series[1].Heights);
        Assert.Equal(1.5, Assert.Single(chart.Markers).X);
        Assert.Contains("threshold 1.5", chart.ToSvg());
    }
}
