using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Feed;

namespace Moderation.Dashboard.Endpoints;

/// <summary>
/// <c>GET {prefix}/events</c>: the feed as Server-Sent Events, one event per flagged post (<c>id:</c> the post's
/// <see cref="FlaggedPost.Id"/>, <c>data:</c> its verdict JSON), a heartbeat comment every
/// <see cref="DashboardOptions.HeartbeatIntervalMs"/> while idle. Starts after the <c>Last-Event-ID</c> header (sent by
/// a reconnecting browser), else after the <c>after</c> query parameter, else replays the whole ring
/// (see <see cref="FlagFeed.StartAfter"/>). Ends when the client goes or the application stops.
/// </summary>
internal static class FlagEventStream
{
    /// <summary>Most events written before one flush.</summary>
    private const int MaxBatch = 256;

    public static async Task HandleAsync(HttpContext context, long? after, FlagFeed feed, IOptions<DashboardOptions> options,
        IHostApplicationLifetime lifetime)
    {
        var cursor = feed.StartAfter(LastEventId(context.Request) ?? after);
        var response = context.Response;
        response.ContentType = ServerSentEvents.ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // reverse proxies: do not buffer the stream
        response.Headers.XContentTypeOptions = "nosniff";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        var heartbeat = TimeSpan.FromMilliseconds(options.Value.HeartbeatIntervalMs);
        var output = response.BodyWriter;
        try
        {
            ServerSentEvents.WriteRetry(output, options.Value.ReconnectDelayMs);
            await output.FlushAsync(token).ConfigureAwait(false);
            while (!token.IsCancellationRequested)
            {
                var batch = feed.ReadAfter(cursor, MaxBatch);
                if (batch.Count > 0)
                {
                    foreach (var post in batch)
                    {
                        ServerSentEvents.WriteVerdict(output, post.Id, post.Verdict);
                    }

                    cursor = batch[^1].Id;
                    await output.FlushAsync(token).ConfigureAwait(false);
                    continue;
                }

                if (!await feed.WaitForNewerAsync(cursor, heartbeat, token).ConfigureAwait(false))
                {
                    ServerSentEvents.WriteComment(output, "heartbeat");
                    await output.FlushAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // the client disconnected or the host is stopping: the stream just ends
        }
    }

    private static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
