using System.Text.Json.Serialization;

namespace Moderation.Review.Store;

/// <summary>Posts in the store by decision.</summary>
internal sealed class QueueCounts
{
    [JsonPropertyName("total")] public long Total { get; set; }
    [JsonPropertyName("undecided")] public long Undecided { get; set; }
    [JsonPropertyName("confirmed")] public long Confirmed { get; set; }
    [JsonPropertyName("dismissed")] public long Dismissed { get; set; }
}
