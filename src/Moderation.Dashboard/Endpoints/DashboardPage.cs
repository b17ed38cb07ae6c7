using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Moderation.Dashboard.Endpoints;

/// <summary>
/// <c>GET {prefix}</c>: the self-contained page, served with a Content Security Policy that allows exactly its own
/// inline style and script (by SHA-256 hash, CSP Level 2 §4.2.4), same-origin <c>fetch</c>/<c>EventSource</c>, and nothing else. The page is
/// assembled once from three embedded resources (<c>Page/dashboard.html</c>, whose <c>&lt;!-- dashboard.css --&gt;</c> and
/// <c>&lt;!-- dashboard.js --&gt;</c> markers become inline <c>&lt;style&gt;</c> and <c>&lt;script&gt;</c> elements): no
/// external asset, no CDN.
/// </summary>
internal sealed partial class DashboardPage
{
    private const string ResourcePrefix = "Moderation.Dashboard.Page.";

    private readonly byte[] _html;

    /// <exception cref="InvalidOperationException">A resource is missing or a marker does not appear exactly once.</exception>
    public DashboardPage()
    {
        Html = Inline(Inline(Resource("dashboard.html"), "dashboard.css", "style"), "dashboard.js", "script");
        _html = Encoding.UTF8.GetBytes(Html);
        ContentSecurityPolicy = BuildPolicy(Html);
    }

    /// <summary>The page's markup.</summary>
    public string Html { get; }

    /// <summary>The <c>Content-Security-Policy</c> header value served with the page.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>The policy for <paramref name="html"/>: hashes of each inline <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c>.</summary>
    public static string BuildPolicy(string html) =>
        $"default-src 'none'; script-src {Hashes(ScriptElement(), html)}; style-src {Hashes(StyleElement(), html)}; " +
        "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
        response.ContentLength = _html.Length;
        return response.Body.WriteAsync(_html, context.RequestAborted).AsTask();
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
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(ResourcePrefix + name)
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
