using System.Text.Json.Serialization;

namespace Moderation.Review.Endpoints;

/// <summary>The body of <c>GET {prefix}/api/session</c>: who is logged in, and the antiforgery token to send in the
/// <c>X-CSRF-TOKEN</c> header of every action.</summary>
internal sealed record SessionView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("csrfToken")] string? CsrfToken);
