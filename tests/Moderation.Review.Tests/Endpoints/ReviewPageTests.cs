using Moderation.Review.Endpoints;

namespace Moderation.Review.Tests.Endpoints;

public sealed class ReviewPageTests
{
    private readonly EmbeddedPage _page = new ReviewPages().Queue;

    [Fact]
    public void The_page_is_self_contained()
    {
        var html = _page.Html;

        Assert.StartsWith("<!doctype html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase); // no external script or image (images come from api/image)
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("innerHTML")]
    [InlineData("outerHTML")]
    [InlineData("insertAdjacentHTML")]
    [InlineData("document.write")]
    [InlineData("eval(")]
    [InlineData("new Function")]
    public void The_script_never_parses_data_as_html_or_code(string sink) =>
        Assert.DoesNotContain(sink, _page.Html, StringComparison.Ordinal);

    [Fact]
    public void The_policy_allows_only_the_inline_script_and_style_by_hash()
    {
        var policy = _page.ContentSecurityPolicy;

        Assert.StartsWith("default-src 'none'; script-src 'sha256-", policy);
        Assert.Contains("style-src 'sha256-", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("img-src 'self' data:;", policy);
        Assert.DoesNotContain("unsafe", policy);
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        Assert.Contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
            EmbeddedPage.BuildPolicy("<style></style><script>alert(1)</script>"));
    }
}
