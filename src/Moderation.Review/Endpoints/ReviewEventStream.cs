using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Review.Configuration;
using Moderation.Review.Live;
using Moderation.Review.Serialization;
using Moderation.Review.Store;

namespace Moderation.Review.Endpoints;

/// <summary>
/// <c>GET {prefix}/events</c>: review events as Server-Sent Events, one per flagged post stored or decided (<c>id:</c>
/// the review event id, <c>data:</c> the <see cref="PostView"/> as it is now), a heartbeat comment every
/// <see cref="ReviewOptions.HeartbeatIntervalMs"/> while idle. Starts after the <c>Last-Event-ID</c> header (a
/// reconnecting browser), else after the <c>after</c> query parameter (the list's <c>latestEventId</c>), else at the
/// newest event. Events written by this process arrive at once, those of another instance within
/// <see cref="ReviewOptions.PollIntervalMs"/>. Ends when the client goes or the application stops.
/// </summary>
internal static class ReviewEventStream
{
    /// <summary>Most events written before one flush.</summary>
    private const int MaxBatch = 256;

    public static async Task HandleAsync(HttpContext context, long? after, ReviewStore store, ReviewChanges changes,
        IOptions<ReviewOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        var response = context.Response;
        response.ContentType = ServerSentEvents.ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // reverse proxies: do not buffer the stream
        response.Headers.XContentTypeOptions = "nosniff";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var heartbeat = TimeSpan.FromMilliseconds(options.Value.HeartbeatIntervalMs);
        var poll = TimeSpan.FromMilliseconds(Math.Min(options.Value.PollIntervalMs, options.Value.HeartbeatIntervalMs));
        var output = response.BodyWriter;
        try
        {
            var cursor = LastEventId(context.Request) ?? after ?? await store.LatestEventIdAsync(token).ConfigureAwait(false);
            ServerSentEvents.WriteRetry(output, options.Value.ReconnectDelayMs);
            await output.FlushAsync(token).ConfigureAwait(false);
            var lastWrite = time.GetTimestamp();
            while (!token.IsCancellationRequested)
            {
                var rows = await store.EventsAfterAsync(cursor, MaxBatch, token).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    if (PostView.Of(row) is { } post)
                    {
                        ServerSentEvents.WriteEvent(output, row.EventId, post, ReviewJsonContext.Default.PostView);
                    }

                    cursor = row.EventId;
                }

                if (rows.Count > 0)
                {
                    await output.FlushAsync(token).ConfigureAwait(false);
                    lastWrite = time.GetTimestamp();
                    continue;
                }

                if (time.GetElapsedTime(lastWrite) >= heartbeat)
                {
                    ServerSentEvents.WriteComment(output, "heartbeat");
                    await output.FlushAsync(token).ConfigureAwait(false);
                    lastWrite = time.GetTimestamp();
                }

                await changes.WaitAsync(poll, time, token).ConfigureAwait(false);
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
