using System.Diagnostics;
using System.Net;
using Moderation.Dashboard.Tests.Support;
using Moderation.Tools.Kafka.Broker;

namespace Moderation.Dashboard.Tests.Endpoints;

public sealed class EventStreamLifetimeTests
{
    [Fact]
    public async Task Open_event_streams_end_as_soon_as_the_host_stops()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var broker = new EmbeddedBroker();
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);
        using var first = await SseStream.OpenAsync(host.Http, "/dashboard/events", null, deadline.Token);
        using var second = await SseStream.OpenAsync(host.Http, "/dashboard/events", null, deadline.Token);
        await first.ReadAsync(deadline.Token);
        await second.ReadAsync(deadline.Token);

        var watch = Stopwatch.StartNew();
        await host.App.StopAsync(deadline.Token);

        // the streams end on ApplicationStopping (measured: ~7 ms) instead of holding the host for its 30 s shutdown
        // timeout; the rest of the stop is Kestrel closing idle keep-alive connections on its 1 s heartbeat
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<EndOfStreamException>(() => first.ReadAsync(deadline.Token));
        await Assert.ThrowsAsync<EndOfStreamException>(() => second.ReadAsync(deadline.Token));
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    public async Task The_page_is_served_with_or_without_a_trailing_slash(string path)
    {
        using var broker = new EmbeddedBroker();
        await using var host = await DashboardHost.StartAsync(broker.BootstrapServers);

        using var response = await host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Flagged posts", await response.Content.ReadAsStringAsync());
    }
}
