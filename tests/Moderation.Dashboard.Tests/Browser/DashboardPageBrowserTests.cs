using Microsoft.Playwright;
using Moderation.Core.Contracts;
using Moderation.Dashboard.Tests.Endpoints;
using Moderation.Dashboard.Tests.Support;
using Moderation.Tools.Kafka.Broker;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Dashboard.Tests.Browser;

/// <summary>The page in a real browser: live rows pushed over Server-Sent Events, and user text rendered as text.</summary>
public sealed class DashboardPageBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public const string ScreenshotPath = "/tmp/moderation-dashboard.png";
    public const string XssScreenshotPath = "/tmp/moderation-dashboard-xss.png";
    private static readonly LocatorAssertionsToHaveTextOptions Within10s = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_published_flag_appears_live_with_its_details_and_counts()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Flags, partitions: 1);
        using var producer = new FlagProducer(broker.BootstrapServers);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string[] sources = ["anomalous", "synthetic", "anomalous", "synthetic"];
        for (var i = 0; i < sources.Length; i++)
        {
            string[] reasons = sources[i] == "synthetic" ? ["synthetic"] : ["abnormal"];
            await producer.PublishAsync(Verdicts.Flag($"post-{9_170 + i}", 9_170 + i, reasons, sources[i], $"user-{31 * i + 7}",
                latencyMs: 40 + (17 * i), scoredAtMs: now - ((sources.Length - i) * 1_500)));
        }

        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);
        await FlagEndpointsTests.WaitForTotalAsync(host, sources.Length, CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 860 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(host.Address, "/dashboard").ToString());
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Expect(page.Locator("#rows tr")).ToHaveCountAsync(sources.Length);

        await producer.PublishAsync(Verdicts.Flag("post-9174", 9_174, ["abnormal", "synthetic"], "synthetic", "user-1042",
            latencyMs: 1_380, scoredAtMs: now));

        var row = page.Locator("#rows tr").First;
        await Expect(row.Locator(".post-id")).ToHaveTextAsync("post-9174", Within10s);
        await Expect(row).ToHaveClassAsync("fresh"); // pushed over the event stream, not loaded with the page
        var cells = row.Locator("td");
        await Expect(cells.Nth(2).Locator(".badge")).ToHaveTextAsync(["abnormal", "synthetic"]);
        await Expect(cells.Nth(3)).ToContainTextAsync("abnormal0.912>0.655");
        await Expect(cells.Nth(3)).ToContainTextAsync("synthetic0.871>0.702");
        await Expect(cells.Nth(4)).ToHaveTextAsync("user-1042");
        await Expect(cells.Nth(5)).ToHaveTextAsync("synthetic");
        await Expect(cells.Nth(6)).ToHaveTextAsync("1.38 s");
        await Expect(page.Locator("#count-total")).ToHaveTextAsync("5", Within10s);
        await Expect(page.Locator("#count-sources")).ToContainTextAsync("synthetic3");
        await Expect(page.Locator("#count-reasons")).ToContainTextAsync("abnormal3");

        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
        Assert.Empty(errors); // the Content Security Policy let the inline script and style run
    }

    [Fact]
    public async Task Markup_in_post_ids_and_headers_is_shown_as_text()
    {
        using var broker = new EmbeddedBroker();
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await page.GotoAsync(new Uri(host.Address, "/dashboard").ToString());
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });

        const string postId = "<img src=x onerror=alert(1)>";
        const string userId = "\"><script>alert(2)</script>";
        const string source = "<b onmouseover=alert(3)>bold</b>";
        const string reason = "<svg onload=alert(4)>";
        using (var producer = new FlagProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag(postId, 1, [reason], source, userId));
        }

        var row = page.Locator("#rows tr").First;
        await Expect(row.Locator(".post-id")).ToHaveTextAsync(postId, Within10s);
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(reason);
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(userId);
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(source);
        await Expect(page.Locator("#count-sources")).ToContainTextAsync(source, new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator("#rows :is(img, script, svg, b), .chips :is(img, script, svg, b)").CountAsync());
        Assert.Empty(dialogs);
        await page.ScreenshotAsync(new() { Path = XssScreenshotPath });
    }
}
