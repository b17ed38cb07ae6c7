using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Moderation.Evaluation.Tests.Plots;

/// <summary>Parses SVG text as XML and checks what every chart must have.</summary>
internal static partial class SvgAssert
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg)
    {
        var doc = XDocument.Parse(svg); // throws XmlException on malformed XML
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.NotNull(doc.Root.Attribute("viewBox"));
        foreach (var attribute in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "points" or "x" or "y" or "x1" or "y1" or "width" or "height"))
            Assert.Matches(NumberList(), attribute.Value);
        return doc;
    }

    public static IEnumerable<XElement> Elements(XDocument doc, string name) => doc.Descendants(Svg + name);

    public static IEnumerable<string> Texts(XDocument doc) => Elements(doc, "text").Select(t => t.Value);

    /// <summary>Invariant-culture numbers: digits, one '.', optional '-', pairs joined by ',' and separated by ' '.</summary>
    [GeneratedRegex(@"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?)?( -?\d+(\.\d+)?,-?\d+(\.\d+)?)*$")]
    private static partial Regex NumberList();
}
