using System.Text.Json.Serialization;

namespace Moderation.Dashboard.Feed;

/// <summary>Running counts of the flags this process read (history loaded on start included).</summary>
/// <param name="Total">Flagged posts added to the feed.</param>
/// <param name="Duplicates">Records dropped because the same post (source topic, partition, offset) with the same
/// model version is still in the ring: redeliveries of the at-least-once pipeline.</param>
/// <param name="Malformed">Records dropped because they were not a well-formed JSON verdict or were too large.</param>
/// <param name="ByReason">Reason (e.g. <c>abnormal</c>, <c>synthetic</c>) → flags naming it; a post with two reasons
/// counts once under each.</param>
/// <param name="BySource">Value of the post's <c>source</c> header → flags; posts without the header are not counted here.</param>
public sealed record FlagCounts(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("duplicates")] long Duplicates,
    [property: JsonPropertyName("malformed")] long Malformed,
    [property: JsonPropertyName("byReason")] IReadOnlyDictionary<string, long> ByReason,
    [property: JsonPropertyName("bySource")] IReadOnlyDictionary<string, long> BySource);
