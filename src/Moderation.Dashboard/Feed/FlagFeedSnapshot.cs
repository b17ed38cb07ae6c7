using System.Text.Json.Serialization;

namespace Moderation.Dashboard.Feed;

/// <summary>The JSON body of <c>GET /dashboard/api/flags</c>: counts and the latest flagged posts, consistent with
/// each other (taken under one lock).</summary>
/// <param name="LatestId">Id of the newest post in the feed (before the first, the id preceding it): pass it as <c>after</c> to the
/// event stream to receive exactly the posts that follow this snapshot.</param>
/// <param name="Capacity">Ring size (<see cref="Configuration.DashboardOptions.HistorySize"/>).</param>
/// <param name="Counts">Running counts up to <paramref name="LatestId"/>.</param>
/// <param name="Flags">The latest posts, newest first.</param>
public sealed record FlagFeedSnapshot(
    [property: JsonPropertyName("latestId")] long LatestId,
    [property: JsonPropertyName("capacity")] int Capacity,
    [property: JsonPropertyName("counts")] FlagCounts Counts,
    [property: JsonPropertyName("flags")] IReadOnlyList<FlaggedPost> Flags);
