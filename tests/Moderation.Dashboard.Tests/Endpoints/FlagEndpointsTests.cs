using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Core.Contracts;
using Moderation.Dashboard.Feed;
using Moderation.Dashboard.Tests.Support;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Dashboard.Tests.Endpoints;

/// <summary>Kestrel on loopback + the embedded Kafka broker: flags produced to the topic reach the API and the stream.</summary>
public sealed class FlagEndpointsTests
{
    private static readonly Dictionary<string, string?> FastHeartbeat = new() { ["Dashboard:HeartbeatIntervalMs"] = "300" };

    [Fact]
    public async Task Produced_flags_arrive_over_sse_and_in_the_snapshot_and_replay_after_last_event_id()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Flags, partitions: 1);
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers, FastHeartbeat);
        using var stream = await SseStream.OpenAsync(host.Http, "/dashboard/events", null, deadline.Token);
        Assert.Equal("text/event-stream", stream.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(3000, (await stream.ReadAsync(deadline.Token)).Retry);

        Verdict[] flags =
        [
            Verdicts.Flag("post-a", 10, ["abnormal"], source: "anomalous", userId: "u-1"),
            Verdicts.Flag("post-b", 11, ["abnormal", "synthetic"], source: "synthetic", userId: "u-2"),
            Verdicts.Flag("post-c", 12, ["synthetic"], source: null, userId: null),
        ];
        using (var producer = new FlagProducer(broker.BootstrapServers))
        {
            foreach (var flag in flags)
            {
                await producer.PublishAsync(flag);
            }
        }

        var events = await stream.ReadEventsAsync(3, deadline.Token);
        var received = events.Select(e => JsonSerializer.Deserialize<Verdict>(e.Data!)!).ToList();
        Assert.Equal(["post-a", "post-b", "post-c"], received.Select(v => v.PostId));
        Assert.Equal(flags[1].Scores, received[1].Scores);
        Assert.Equal("synthetic", received[1].Headers[PostHeaders.Source]);
        var ids = events.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([ids[0], ids[0] + 1, ids[0] + 2], ids);
        while ((await stream.ReadAsync(deadline.Token)).Comment != "heartbeat")
        {
        }

        var snapshot = await host.Http.GetFromJsonAsync<JsonElement>("/dashboard/api/flags?limit=2", deadline.Token);
        Assert.Equal(ids[2], snapshot.GetProperty("latestId").GetInt64());
        Assert.Equal(500, snapshot.GetProperty("capacity").GetInt32());
        Assert.Equal(["post-c", "post-b"], snapshot.GetProperty("flags").EnumerateArray()
            .Select(f => f.GetProperty("verdict").GetProperty("postId").GetString()));
        Assert.Equal(ids[2], snapshot.GetProperty("flags")[0].GetProperty("id").GetInt64());
        var counts = snapshot.GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("total").GetInt64());
        Assert.Equal(2, counts.GetProperty("byReason").GetProperty("abnormal").GetInt64());
        Assert.Equal(2, counts.GetProperty("byReason").GetProperty("synthetic").GetInt64());
        Assert.Equal(1, counts.GetProperty("bySource").GetProperty("anomalous").GetInt64());
        Assert.Equal(1, counts.GetProperty("bySource").GetProperty("synthetic").GetInt64());
        Assert.Equal(2, counts.GetProperty("bySource").EnumerateObject().Count());

        // a browser reconnecting with Last-Event-ID gets exactly what followed, then heartbeats
        using (var resumed = await SseStream.OpenAsync(host.Http, "/dashboard/events", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), deadline.Token))
        {
            Assert.NotNull((await resumed.ReadAsync(deadline.Token)).Retry);
            Assert.Equal(["post-b", "post-c"], (await resumed.ReadEventsAsync(2, deadline.Token))
                .Select(e => JsonSerializer.Deserialize<Verdict>(e.Data!)!.PostId));
            Assert.Equal("heartbeat", (await resumed.ReadAsync(deadline.Token)).Comment);
        }

        // the page's first connection passes the snapshot's latestId as ?after=
        using var after = await SseStream.OpenAsync(host.Http, $"/dashboard/events?after={ids[1]}", null, deadline.Token);
        await after.ReadAsync(deadline.Token);
        Assert.Equal(ids[2].ToString(System.Globalization.CultureInfo.InvariantCulture), (await after.ReadEventsAsync(1, deadline.Token))[0].Id);
    }

    [Fact]
    public async Task On_start_the_ring_holds_the_latest_history_size_flags_then_follows_live()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Flags, partitions: 1);
        using var producer = new FlagProducer(broker.BootstrapServers);
        for (var i = 1; i <= 5; i++)
        {
            await producer.PublishAsync(Verdicts.Flag($"old-{i}", i));
        }

        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers, new Dictionary<string, string?> { ["Dashboard:HistorySize"] = "3" });
        var history = await WaitForTotalAsync(host, 3, deadline.Token);
        Assert.Equal(["old-5", "old-4", "old-3"], PostIds(history));

        await producer.PublishAsync(Verdicts.Flag("new-6", 6));
        var live = await WaitForTotalAsync(host, 4, deadline.Token);
        Assert.Equal(["new-6", "old-5", "old-4"], PostIds(live));
    }

    [Fact]
    public async Task Malformed_and_redelivered_records_are_counted_and_dropped()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var broker = new EmbeddedBroker();
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);
        using var producer = new FlagProducer(broker.BootstrapServers);
        var flag = Verdicts.Flag("post-1", 1);
        await producer.PublishAsync(flag);
        await producer.PublishAsync(flag); // the worker's at-least-once redelivery
        await producer.PublishRawAsync("junk", "not a verdict"u8.ToArray());
        await producer.PublishRawAsync("huge", JsonSerializer.SerializeToUtf8Bytes(Verdicts.Flag(new string('x', 70_000), 2)));
        await producer.PublishAsync(Verdicts.Flag("post-3", 3));

        var snapshot = await WaitForTotalAsync(host, 2, deadline.Token);
        while (snapshot.Counts.Malformed + snapshot.Counts.Duplicates < 3)
        {
            await Task.Delay(100, deadline.Token);
            snapshot = (await host.Http.GetFromJsonAsync<FlagFeedSnapshot>("/dashboard/api/flags", deadline.Token))!;
        }

        Assert.Equal(2, snapshot.Counts.Malformed);
        Assert.Equal(1, snapshot.Counts.Duplicates);
        Assert.Equal(2, snapshot.Counts.Total);
        Assert.Equal(["post-1", "post-3"], PostIds(snapshot).Order());
    }

    [Fact]
    public async Task Text_from_posts_is_json_escaped_in_the_api_and_never_in_the_page()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var broker = new EmbeddedBroker();
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);
        const string postId = "<img src=x onerror=alert(1)>";
        using (var producer = new FlagProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag(postId, 1, source: "</script><script>alert(2)</script>"));
        }

        await WaitForTotalAsync(host, 1, deadline.Token);
        var json = await host.Http.GetStringAsync("/dashboard/api/flags", deadline.Token);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Contains("\\u003Cimg src=x onerror=alert(1)\\u003E", json, StringComparison.Ordinal);
        Assert.Equal(postId, JsonSerializer.Deserialize<FlagFeedSnapshot>(json)!.Flags[0].Verdict.PostId);

        using var page = await host.Http.GetAsync("/dashboard", deadline.Token);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<img", await page.Content.ReadAsStringAsync(deadline.Token), StringComparison.Ordinal); // the page is static: data only arrives as JSON
        Assert.StartsWith("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_negative_limit_is_a_bad_request()
    {
        using var broker = new EmbeddedBroker();
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.GetAsync("/dashboard/api/flags?limit=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.GetAsync("/dashboard/api/flags?limit=ten")).StatusCode);
        var empty = await host.Http.GetFromJsonAsync<FlagFeedSnapshot>("/dashboard/api/flags?limit=0");
        Assert.Empty(empty!.Flags);
    }

    internal static async Task<FlagFeedSnapshot> WaitForTotalAsync(DashboardHost host, int total, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = (await host.Http.GetFromJsonAsync<FlagFeedSnapshot>("/dashboard/api/flags", cancellationToken))!;
            if (snapshot.Counts.Total >= total)
            {
                return snapshot;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static IEnumerable<string> PostIds(FlagFeedSnapshot snapshot) => snapshot.Flags.Select(f => f.Verdict.PostId);
}
