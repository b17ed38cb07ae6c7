using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Review.Tests.Support;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Review.Tests.Endpoints;

/// <summary>The event stream over real HTTP: a stored flag and a decision arrive as events, a reconnect with
/// Last-Event-ID resumes after it, and open streams end as soon as the host stops.</summary>
public sealed class ReviewEventStreamTests
{
    [Fact]
    public async Task Stored_flags_and_decisions_arrive_as_events_and_a_reconnect_resumes_after_last_event_id()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var broker = new EmbeddedBroker();
        await using var host = await ReviewHost.StartAsync(broker.BootstrapServers);
        using var stream = await SseStream.OpenAsync(host.Api, "/review/events", null, deadline.Token);
        Assert.Equal("text/event-stream", stream.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(3000, (await stream.ReadAsync(deadline.Token)).Retry);

        using (var producer = new FlagRecordProducer(broker.BootstrapServers))
        {
            await producer.PublishAsync(Verdicts.Flag("post-a", 1), FashionImages.Png(1));
        }

        var flagged = (await stream.ReadEventsAsync(1, deadline.Token))[0];
        Assert.Equal("post-a", Post(flagged).GetProperty("postId").GetString());
        Assert.Equal(JsonValueKind.Null, Post(flagged).GetProperty("decision").ValueKind);
        await host.Api.PostAsJsonAsync("/review/api/decisions", new { postId = "post-a", decision = "confirm" }, deadline.Token);
        var decided = (await stream.ReadEventsAsync(1, deadline.Token))[0];
        Assert.Equal("confirm", Post(decided).GetProperty("decision").GetString());
        Assert.True(long.Parse(decided.Id!) > long.Parse(flagged.Id!));
        while ((await stream.ReadAsync(deadline.Token)).Comment != "heartbeat")
        {
        }

        using var resumed = await SseStream.OpenAsync(host.Api, "/review/events", flagged.Id, deadline.Token);
        await resumed.ReadAsync(deadline.Token);
        Assert.Equal(decided.Id, (await resumed.ReadEventsAsync(1, deadline.Token))[0].Id);

        var watch = Stopwatch.StartNew();
        await host.App.StopAsync(deadline.Token);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5)); // streams end on ApplicationStopping
        await Assert.ThrowsAsync<EndOfStreamException>(() => stream.ReadAsync(deadline.Token));
    }

    private static JsonElement Post(SseMessage message) => JsonDocument.Parse(message.Data!).RootElement;
}
