using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Moderation.Review.Endpoints;

/// <summary>
/// A self-contained page assembled once from embedded resources (<c>Page/{name}.html</c>, whose
/// <c>&lt;!-- x.css --&gt;</c> and <c>&lt;!-- x.js --&gt;</c> markers become inline <c>&lt;style&gt;</c> and
/// <c>&lt;script&gt;</c> elements), served with a Content Security Policy that allows exactly its own inline style and
/// script (by SHA-256 hash, CSP Level 2 §4.2.4), same-origin <c>fetch</c>/<c>EventSource</c>, same-origin images (and the empty <c>data:</c> favicon)
/// and form posts, and nothing else: no external asset, no CDN.
/// </summary>
internal sealed partial class EmbeddedPage
{
    private const string ResourcePrefix = "Moderation.Review.Page.";

    /// <param name="html">The page resource, e.g. <c>review.html</c>.</param>
    /// <param name="inlined">Resources to inline, e.g. <c>review.css</c>, <c>review.js</c>.</param>
    /// <exception cref="InvalidOperationException">A resource is missing or a marker does not appear exactly once.</exception>
    public EmbeddedPage(string html, params string[] inlined)
    {
        var text = Resource(html);
        foreach (var name in inlined)
        {
            text = Inline(text, name, name.EndsWith(".css", StringComparison.Ordinal) ? "style" : "script");
        }

        Html = text;
        ContentSecurityPolicy = BuildPolicy(Html);
    }

    /// <summary>The page's markup.</summary>
    public string Html { get; }

    /// <summary>The <c>Content-Security-Policy</c> header value served with the page.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>The policy for <paramref name="html"/>: hashes of each inline <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c>.</summary>
    public static string BuildPolicy(string html) =>
        $"default-src 'none'; script-src {Hashes(ScriptElement(), html)}; style-src {Hashes(StyleElement(), html)}; " +
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Writes the page, with each <c>{{key}}</c> of <paramref name="values"/> replaced by its HTML-encoded value.</summary>
    public Task WriteAsync(HttpContext context, IReadOnlyDictionary<string, string>? values = null)
    {
        var html = Html;
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            html = html.Replace("{{" + key + "}}", System.Net.WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(html);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static string Inline(string html, string name, string element)
    {
        var marker = $"<!-- {name} -->";
        var content = Resource(name);
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || html.IndexOf(marker, at + 1, StringComparison.Ordinal) >= 0 || content.Contains($"</{element}", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The page must hold {marker} once and {name} no </{element}>.");
        }

        return html.Replace(marker, $"<{element}>\n{content}</{element}>", StringComparison.Ordinal);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(EmbeddedPage).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix + name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Hashes(Regex element, string html)
    {
        var hashes = element.Matches(html)
            .Select(static m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'")
            .ToList();
        return hashes.Count == 0 ? "'none'" : string.Join(' ', hashes);
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StyleElement();
}
