using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Dashboard.Feed;
using Moderation.Dashboard.Serialization;

namespace Moderation.Dashboard.Endpoints;

/// <summary><c>GET {prefix}/api/flags?limit=N</c>: a <see cref="FlagFeedSnapshot"/> of the newest N posts (default
/// <see cref="DefaultLimit"/>, at most the ring size), newest first; 400 for a negative N.</summary>
internal static class FlagsApi
{
    /// <summary>Posts returned without a <c>limit</c>.</summary>
    public const int DefaultLimit = 100;

    public static Results<JsonHttpResult<FlagFeedSnapshot>, ValidationProblem> Get(HttpContext context, int? limit, FlagFeed feed)
    {
        if (limit < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = ["limit must be 0 or more."],
            });
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Json(feed.Snapshot(limit ?? DefaultLimit), DashboardJsonContext.Default.FlagFeedSnapshot);
    }
}
