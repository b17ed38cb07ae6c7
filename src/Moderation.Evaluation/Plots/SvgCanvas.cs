using System.Globalization;
using System.Xml.Linq;

namespace Moderation.Evaluation.Plots;

/// <summary>
/// The SVG writer: a fixed-size drawing in pixels (origin top left, y down) built as an <see cref="XDocument"/>, so
/// that text is escaped and the output is well-formed XML. Numbers are written with the invariant culture, rounded to
/// 0.01 px.
/// </summary>
internal sealed class SvgCanvas
{
    internal static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string FontFamily = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
    private readonly XElement root;

    public SvgCanvas(int width, int height)
    {
        root = new XElement(Svg + "svg",
            new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("font-family", FontFamily), new XAttribute("font-size", 12));
        Rect(0, 0, width, height, fill: "white", stroke: null);
    }

    /// <summary>A number as SVG wants it: invariant culture, at most two decimals, never "-0".</summary>
    public static string Number(double value)
    {
        double rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        Add("line", ("x1", Number(x1)), ("y1", Number(y1)), ("x2", Number(x2)), ("y2", Number(y2)),
            ("stroke", stroke), ("stroke-width", Number(width)), ("stroke-dasharray", dash));

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5) =>
        Add("polyline", ("points", string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}"))),
            ("fill", "none"), ("stroke", stroke), ("stroke-width", Number(width)), ("stroke-linejoin", "round"));

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double fillOpacity, string stroke) =>
        Add("polygon", ("points", string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}"))),
            ("fill", fill), ("fill-opacity", Number(fillOpacity)), ("stroke", stroke), ("stroke-width", "1"));

    public void Rect(double x, double y, double width, double height, string? fill, string? stroke, double fillOpacity = 1) =>
        Add("rect", ("x", Number(x)), ("y", Number(y)), ("width", Number(width)), ("height", Number(height)),
            ("fill", fill ?? "none"), ("fill-opacity", fillOpacity == 1 ? null : Number(fillOpacity)), ("stroke", stroke));

    /// <summary>Text anchored at (x, y) on its baseline; <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, bool bold = false, double rotate = 0)
    {
        var element = Add("text", ("x", Number(x)), ("y", Number(y)), ("text-anchor", anchor),
            ("font-size", size == 12 ? null : Number(size)), ("font-weight", bold ? "bold" : null),
            ("transform", rotate == 0 ? null : $"rotate({Number(rotate)} {Number(x)} {Number(y)})"));
        element.Value = text;
    }

    /// <summary>The document as UTF-8 XML text with a declaration.</summary>
    public string ToXml() => new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root;

    private XElement Add(string name, params (string Name, string? Value)[] attributes)
    {
        var element = new XElement(Svg + name, attributes.Where(a => a.Value is not null).Select(a => new XAttribute(a.Name, a.Value!)));
        root.Add(element);
        return element;
    }
}
