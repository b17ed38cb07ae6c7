using Microsoft.Playwright;
using Moderation.Core.Contracts;
using Moderation.Review.Tests.Support;
using Moderation.Tools.Kafka.Broker;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Review.Tests.Browser;

/// <summary>The review page in Debian's Chromium: log in, see a flagged post's image, dismiss it, reload, find the
/// decision kept; user text rendered as text. Screenshots go to <see cref="ScreenshotFolder"/> (docs/review has copies).</summary>
public sealed class ReviewPageBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>Where screenshots are written: <c>MODERATION_SCREENSHOTS</c>, else the temp folder.</summary>
    public static readonly string ScreenshotFolder = Environment.GetEnvironmentVariable("MODERATION_SCREENSHOTS") ?? Path.GetTempPath();

    private static readonly LocatorAssertionsToHaveTextOptions Within10s = new() { Timeout = 10_000 };

    [Fact]
    public async Task A_reviewer_logs_in_sees_the_image_dismisses_the_post_and_finds_the_decision_after_a_reload()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Flags, partitions: 1);
        await using var host = await ReviewHost.StartAsync(broker.BootstrapServers);
        using var producer = new FlagRecordProducer(broker.BootstrapServers);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await producer.PublishAsync(Verdicts.Flag("post-9170", 9_170, ["abnormal"], "anomalous", "user-7", scoredAtMs: now - 4_000), FashionImages.Png(0));
        await producer.PublishAsync(Verdicts.Flag("post-9171", 9_171, ["synthetic"], "synthetic", "user-38", scoredAtMs: now - 3_000), FashionImages.Png(1));
        await Queue.WaitForAsync(host, 2, CancellationToken.None);

        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(host.Address, "/review").ToString());
        Assert.EndsWith("/review/login", new Uri(page.Url).AbsolutePath); // no data before the login
        await page.FillAsync("#name", Credentials.Reviewer);
        await page.FillAsync("#password", Credentials.ReviewerPassword);
        await page.ClickAsync("#login");
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Expect(page.Locator(".post")).ToHaveCountAsync(2);

        // a flag arriving while the page is open shows up live, with its image
        await producer.PublishAsync(Verdicts.Flag("post-9172", 9_172, ["abnormal", "synthetic"], "anomalous", "user-1042", scoredAtMs: now), FashionImages.Png(2));
        var card = page.Locator(".post", new() { HasText = "post-9172" });
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fresh"), new() { Timeout = 10_000 });
        var image = card.Locator("img");
        await image.EvaluateAsync("img => img.decode()");
        Assert.Equal(28, await image.EvaluateAsync<int>("img => img.naturalWidth")); // the stored PNG decoded
        await Expect(card.Locator(".badge")).ToHaveTextAsync(["abnormal", "synthetic"]);
        await Expect(card.Locator(".scores")).ToContainTextAsync("abnormal0.912>0.655");
        await Expect(card).ToContainTextAsync("fashion-mnist-shirt@3f9a1c2b7d4e");
        await Expect(page.Locator("#count-undecided")).ToHaveTextAsync("3", Within10s);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "review-queue.png"), FullPage = true });

        // dismiss with a note (a false positive), by keyboard on the selected card after typing the note
        await card.ClickAsync(new() { Position = new() { X = 300, Y = 20 } });
        await card.Locator(".note").FillAsync("ordinary trousers, <b>not</b> synthetic");
        await card.Locator("button.dismiss").ClickAsync();
        await Expect(page.Locator(".post", new() { HasText = "post-9172" })).ToHaveCountAsync(0, new() { Timeout = 10_000 }); // left the undecided queue
        await Expect(page.Locator("#count-dismissed")).ToHaveTextAsync("1", Within10s);
        // keyboard: j moves the selection, c confirms the selected post
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        var selected = await page.Locator(".post.selected .post-id").TextContentAsync();
        await page.Keyboard.PressAsync("c");
        await Expect(page.Locator("#count-confirmed")).ToHaveTextAsync("1", Within10s);

        await page.ReloadAsync();
        await page.SelectOptionAsync("#filter-status", "decided");
        var kept = page.Locator(".post", new() { HasText = "post-9172" });
        await Expect(kept.Locator(".decision")).ToContainTextAsync($"Dismissed by {Credentials.Reviewer}", new() { Timeout = 10_000 });
        await Expect(kept.Locator(".decision")).ToContainTextAsync("“ordinary trousers, <b>not</b> synthetic”"); // the note as text
        Assert.Equal(0, await kept.Locator(".decision b").CountAsync());
        await Expect(page.Locator(".post", new() { HasText = selected! }).Locator(".decision")).ToContainTextAsync("Confirmed by");
        Assert.True(await kept.Locator("button.dismiss").IsDisabledAsync()); // a reviewer does not change a decision
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "review-decided.png"), FullPage = true });
        Assert.Empty(errors); // the Content Security Policy let the inline script and style run, and the images load
    }

    [Fact]
    public async Task Markup_in_post_ids_and_headers_is_shown_as_text()
    {
        using var broker = new EmbeddedBroker();
        await using var host = await ReviewHost.StartAsync(broker.BootstrapServers);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await page.GotoAsync(new Uri(host.Address, "/review/login").ToString());
        await page.FillAsync("#name", Credentials.Admin);
        await page.FillAsync("#password", Credentials.AdminPassword);
        await page.ClickAsync("#login");
        await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });

        const string postId = "<img src=x onerror=alert(1)>";
        const string userId = "\"><script>alert(2)</script>";
        const string reason = "<svg onload=alert(4)>";
        using (var producer = new FlagRecordProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag(postId, 1, [reason], "x", userId), FashionImages.Png(5));
        }

        var card = page.Locator(".post").First;
        await Expect(card.Locator(".post-id")).ToHaveTextAsync(postId, Within10s);
        await Expect(card.Locator(".badge")).ToHaveTextAsync(reason);
        await Expect(card.Locator(".meta")).ToContainTextAsync(userId);
        Assert.Equal(1, await page.Locator(".post img").CountAsync()); // only the thumbnail
        Assert.Equal(0, await page.Locator(".post :is(script, svg)").CountAsync());
        Assert.Empty(dialogs);
    }
}
