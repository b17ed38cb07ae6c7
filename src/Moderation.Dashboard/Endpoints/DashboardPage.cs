using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Moderation.Dashboard.Endpoints;

/// <summary>
/// <c>GET {prefix}</c>: the self-contained page (embedded resource <see cref="ResourceName"/>; inline CSS and JS, no
/// external asset), served with a Content Security Policy that allows exactly its own inline style and script (by
/// SHA-256 hash, CSP Level 2 §4.2.4), same-origin <c>fetch</c>/<c>EventSource</c>, and nothing else.
/// </summary>
internal sealed partial class DashboardPage
{
    /// <summary>Manifest name of the page.</summary>
    public const string ResourceName = "Moderation.Dashboard.Page.dashboard.html";

    private readonly byte[] _html;

    /// <exception cref="InvalidOperationException">The resource is missing from the assembly.</exception>
    public DashboardPage()
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Html = reader.ReadToEnd();
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
