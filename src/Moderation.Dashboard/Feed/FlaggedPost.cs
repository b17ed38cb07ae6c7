using System.Text.Json.Serialization;
using Moderation.Core.Contracts;

namespace Moderation.Dashboard.Feed;

/// <summary>One flagged verdict as the dashboard holds it.</summary>
/// <param name="Id">Position in the feed: consecutive, increasing, and the Server-Sent Events <c>id:</c> of this post.
/// The first id of a process is its start time in Unix ms × 1000, so ids from an earlier process are always lower.</param>
/// <param name="ReceivedAtMs">When the dashboard read the record, Unix epoch ms.</param>
/// <param name="Verdict">The verdict as read from the flags topic.</param>
public sealed record FlaggedPost(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("receivedAt")] long ReceivedAtMs,
    [property: JsonPropertyName("verdict")] Verdict Verdict);
