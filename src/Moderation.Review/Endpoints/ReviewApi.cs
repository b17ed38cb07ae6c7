using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Moderation.Review.Auth;
using Moderation.Review.Live;
using Moderation.Review.Serialization;
using Moderation.Review.Store;

namespace Moderation.Review.Endpoints;

/// <summary>The JSON API and the image endpoint under <c>{prefix}/api</c>.</summary>
internal static class ReviewApi
{
    /// <summary>Longest note in characters.</summary>
    public const int MaxNoteLength = 2_000;

    /// <summary>Posts listed without a <c>limit</c>; also the most.</summary>
    public const int DefaultLimit = 200;

    /// <summary>Image types served with their own content type; anything else is served as a download.</summary>
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp"];

    /// <summary><c>GET api/session</c>: the user and a fresh antiforgery token (sets the antiforgery cookie).</summary>
    public static JsonHttpResult<SessionView> Session(HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal user)
    {
        NoStore(context);
        var token = ReviewAuthentication.NeedsAntiforgery(context) ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
        return TypedResults.Json(new SessionView(user.Identity?.Name ?? "", user.IsInRole(ReviewRoles.Admin) ? ReviewRoles.Admin : ReviewRoles.Reviewer, token),
            ReviewJsonContext.Default.SessionView);
    }

    /// <summary><c>GET api/posts?reason=&amp;status=undecided|decided|all&amp;model=&amp;limit=</c>: the filtered queue.</summary>
    public static async Task<Results<JsonHttpResult<QueueView>, ValidationProblem>> PostsAsync(
        HttpContext context, ReviewStore store, string? reason, string? status, string? model, int? limit)
    {
        status ??= "all";
        if (!PostQuery.Statuses.Contains(status) || limit is < 1 or > DefaultLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["query"] = [$"status is one of {string.Join(", ", PostQuery.Statuses)}; limit is 1 to {DefaultLimit}."],
            });
        }

        var token = context.RequestAborted;
        var latest = await store.LatestEventIdAsync(token).ConfigureAwait(false); // before the list: the stream may repeat, never miss
        var (counts, models, reasons) = await store.SummaryAsync(token).ConfigureAwait(false);
        var rows = await store.ListAsync(new PostQuery(Blank(reason), status, Blank(model), limit ?? DefaultLimit), token).ConfigureAwait(false);
        NoStore(context);
        return TypedResults.Json(new QueueView(latest, counts, models, reasons, rows.Select(PostView.Of).OfType<PostView>().ToList()),
            ReviewJsonContext.Default.QueueView);
    }

    /// <summary><c>GET api/image?post=ID</c>: the stored bytes with the stored content type (PNG, JPEG or WebP; anything
    /// else as an attachment), <c>nosniff</c> and a sandboxing policy; 404 when there is no such post or no bytes.</summary>
    public static async Task<IResult> ImageAsync(HttpContext context, ReviewStore store, string? post)
    {
        var image = string.IsNullOrEmpty(post) ? null : await store.ImageAsync(post, context.RequestAborted).ConfigureAwait(false);
        if (image?.Image is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=3600";
        var type = ImageTypes.FirstOrDefault(t => string.Equals(t, image.ContentType?.Trim(), StringComparison.OrdinalIgnoreCase));
        return type is null
            ? TypedResults.File(image.Image, "application/octet-stream", "image.bin")
            : TypedResults.Bytes(image.Image, type);
    }

    /// <summary><c>POST api/decisions</c> with a <see cref="DecisionRequest"/>: 204 once stored (the event stream then
    /// carries the post as decided); 400 (bad
    /// body or antiforgery token), 404 (no such post), 409 (already decided and the caller is not an admin).</summary>
    public static async Task<IResult> DecideAsync(HttpContext context, ReviewStore store, ReviewChanges changes, TimeProvider time,
        ILoggerFactory loggers, ClaimsPrincipal user)
    {
        if (!await ReviewAuthentication.ValidateAntiforgeryAsync(context).ConfigureAwait(false))
        {
            return TypedResults.Problem("Missing or invalid antiforgery token (X-CSRF-TOKEN).", statusCode: StatusCodes.Status400BadRequest);
        }

        DecisionRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync(ReviewJsonContext.Default.DecisionRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return TypedResults.Problem("The body is not a JSON decision.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (body?.PostId is not { Length: > 0 } postId || !DecisionNames.TryParse(body.Decision, out var decision) || body.Note?.Length > MaxNoteLength)
        {
            return TypedResults.Problem($"Expected {{postId, decision: confirm|dismiss, note ≤ {MaxNoteLength} characters}}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var reviewer = user.Identity?.Name ?? "";
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        var result = await store.DecideAsync(postId, decision, reviewer, note, time.GetUtcNow().ToUnixTimeMilliseconds(),
            user.IsInRole(ReviewRoles.Admin), context.RequestAborted).ConfigureAwait(false);
        if (result == DecisionResult.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (result == DecisionResult.AlreadyDecided)
        {
            return TypedResults.Problem("Already decided; only an admin changes a decision.", statusCode: StatusCodes.Status409Conflict);
        }

        changes.Notify();
        ReviewLog.Decided(loggers.CreateLogger("Moderation.Review.Decisions"), body.Decision!, postId, reviewer);
        return TypedResults.NoContent();
    }

    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
