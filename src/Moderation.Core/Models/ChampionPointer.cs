using System.Text.Json.Serialization;

namespace Moderation.Core.Models;

/// <summary>
/// <c>champion.json</c> of a <see cref="ModelRegistry"/>: which version the service scores with. Replaced atomically
/// (written to a temporary file in the same folder, then renamed over the old one), never edited in place.
/// </summary>
public sealed record ChampionPointer
{
    /// <summary>The promoted version: a folder name under <c>versions/</c>, e.g. <c>20261206T041500Z-3f2a9c0d1e2b</c>.</summary>
    [JsonPropertyName("version")] public required string Version { get; init; }

    /// <summary>When it was promoted (UTC).</summary>
    [JsonPropertyName("promotedAt")] public required DateTimeOffset PromotedAt { get; init; }

    /// <summary>The champion it replaced; null for the first.</summary>
    [JsonPropertyName("previous")] public string? Previous { get; init; }
}
