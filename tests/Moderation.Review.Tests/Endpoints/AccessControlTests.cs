using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Review.Configuration;
using Moderation.Review.Tests.Support;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Review.Tests.Endpoints;

/// <summary>Every endpoint of the review side over real HTTP: nothing without credentials, the login cookie with
/// antiforgery, API tokens, roles.</summary>
public sealed class AccessControlTests
{
    [Fact]
    public async Task Without_credentials_the_page_redirects_to_login_and_everything_else_is_401()
    {
        using var broker = new EmbeddedBroker();
        await using var host = await ReviewHost.StartAsync(broker.BootstrapServers);
        using (var producer = new FlagRecordProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag("post-1", 1), FashionImages.Png(1));
        }

        await Queue.WaitForAsync(host, 1, CancellationToken.None);

        using var page = await host.Http.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/review/login", page.Headers.Location!.PathAndQuery);
        foreach (var path in (string[])["/review/api/posts", "/review/api/image?post=post-1", "/review/events", "/review/api/session"])
        {
            using var response = await host.Http.GetAsync(path);
            Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{path}: {response.StatusCode}");
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        using var decide = await host.Http.PostAsJsonAsync("/review/api/decisions", new { postId = "post-1", decision = "dismiss" });
        Assert.Equal(HttpStatusCode.Unauthorized, decide.StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/review/api/posts");
        forged.Headers.Authorization = new("Bearer", "not-the-token");
        using var wrongToken = await host.Http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal("Bearer", wrongToken.Headers.WwwAuthenticate.Single().Scheme);
        // the operator endpoints are not the review side's: /metrics and /healthz stay open (not mapped by this host)
        using var login = await host.Http.GetAsync("/review/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("__RequestVerificationToken", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_reads_the_queue_and_the_image_bytes_with_their_content_type_and_nosniff()
    {
        using var broker = new EmbeddedBroker();
        await using var host = await ReviewHost.StartAsync(broker.BootstrapServers);
        var png = FashionImages.Png(3);
        using (var producer = new FlagRecordProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag("post-png", 1), png);
            var html = Verdicts.Flag("post-html", 2);
            await producer.PublishAsync(html with { Headers = new Dictionary<string, string>(html.Headers) { [PostHeaders.ContentType] = "text/html" } },
                "<script>alert(1)</script>"u8.ToArray());
            await producer.PublishAsync(Verdicts.Flag("post-big", 3), null, omittedLength: 2_000_000);
        }

        var queue = await Queue.WaitForAsync(host, 3, CancellationToken.None);

        var posts = queue.GetProperty("posts").EnumerateArray().ToDictionary(p => p.GetProperty("postId").GetString()!);
        Assert.Equal("omitted", posts["post-big"].GetProperty("imageState").GetString());
        Assert.Equal(2_000_000, posts["post-big"].GetProperty("imageLength").GetInt64());
        using var image = await host.Api.GetAsync("/review/api/image?post=post-png");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        using var notImage = await host.Api.GetAsync("/review/api/image?post=post-html"); // never served as markup
        Assert.Equal("application/octet-stream", notImage.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", notImage.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync("/review/api/image?post=post-big")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync("/review/api/image?post=nope")).StatusCode);
    }

    [Fact]
    public async Task Cookie_login_needs_the_right_password_and_actions_need_the_antiforgery_token()
    {
        using var broker = new EmbeddedBroker();
        await using var host = await ReviewHost.StartAsync(broker.BootstrapServers);
        using (var producer = new FlagRecordProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag("post-1", 1), FashionImages.Png(1));
        }

        await Queue.WaitForAsync(host, 1, CancellationToken.None);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.Address };

        Assert.Equal("/review/login?failed=1", (await LoginAsync(browser, Credentials.Reviewer, "wrong")).Headers.Location!.OriginalString);
        Assert.Equal("/review/login?failed=1", (await LoginAsync(browser, "nobody", Credentials.ReviewerPassword)).Headers.Location!.OriginalString);
        using (var noToken = await browser.PostAsync("/review/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = Credentials.Reviewer, ["password"] = Credentials.ReviewerPassword,
        })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode); // a login form posted from another site
        }

        Assert.Equal("/review", (await LoginAsync(browser, Credentials.Reviewer, Credentials.ReviewerPassword)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/review")).StatusCode);
        var session = await browser.GetFromJsonAsync<JsonElement>("/review/api/session");
        Assert.Equal((Credentials.Reviewer, "reviewer"), (session.GetProperty("name").GetString(), session.GetProperty("role").GetString()));

        var body = new { postId = "post-1", decision = "dismiss", note = "normal trousers" };
        using (var withoutCsrf = await browser.PostAsJsonAsync("/review/api/decisions", body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutCsrf.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/review/api/decisions") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", session.GetProperty("csrfToken").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(request)).StatusCode);
        // a reviewer cannot change it; the token's reviewer neither (no antiforgery needed with a bearer token)
        using var change = await host.Api.PostAsJsonAsync("/review/api/decisions", new { postId = "post-1", decision = "confirm" });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Api.PostAsJsonAsync("/review/api/decisions", new { postId = "post-1", decision = "maybe" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.PostAsJsonAsync("/review/api/decisions", new { postId = "nope", decision = "confirm" })).StatusCode);
    }

    [Fact]
    public async Task The_host_refuses_to_start_without_any_user_or_token()
    {
        using var broker = new EmbeddedBroker();
        await using var app = ReviewHost.Build(broker.BootstrapServers, ReviewHost.TempSqlite(), withCredentials: false);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("ReviewAuth has no user and no token", error.Message);
        await using var weak = ReviewHost.Build(broker.BootstrapServers, ReviewHost.TempSqlite(), new Dictionary<string, string?>
        {
            ["ReviewAuth:Users:0:Name"] = "eve", ["ReviewAuth:Users:0:PasswordHash"] = "", ["ReviewAuth:Users:0:Role"] = "reviewer",
        }, withCredentials: false);
        Assert.Contains("ReviewAuth:Users:0", (await Assert.ThrowsAsync<OptionsValidationException>(() => weak.StartAsync())).Message);
    }

    internal static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string name, string password)
    {
        var form = await browser.GetStringAsync("/review/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await browser.PostAsync("/review/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = name, ["password"] = password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
