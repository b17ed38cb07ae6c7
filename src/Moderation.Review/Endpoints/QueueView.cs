using System.Text.Json.Serialization;
using Moderation.Review.Store;

namespace Moderation.Review.Endpoints;

/// <summary>The body of <c>GET {prefix}/api/posts</c>.</summary>
/// <param name="LatestEventId">The newest review event when the list was read: pass it as <c>after</c> to the event stream.</param>
/// <param name="Counts">Posts in the store by decision.</param>
/// <param name="Models">Model versions in the store (for the filter).</param>
/// <param name="Reasons">Reasons in the store (for the filter).</param>
/// <param name="Posts">The posts matching the filters, newest first.</param>
internal sealed record QueueView(
    [property: JsonPropertyName("latestEventId")] long LatestEventId,
    [property: JsonPropertyName("counts")] QueueCounts Counts,
    [property: JsonPropertyName("models")] IReadOnlyList<string> Models,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("posts")] IReadOnlyList<PostView> Posts);
