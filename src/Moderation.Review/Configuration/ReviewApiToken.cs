namespace Moderation.Review.Configuration;

/// <summary>A static API token (<see cref="ReviewAuthOptions.Tokens"/>), sent as <c>Authorization: Bearer {token}</c>.</summary>
public sealed class ReviewApiToken
{
    /// <summary>Name of the client; recorded as the reviewer of its decisions. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the token's UTF-8 bytes, 64 hex digits (e.g. <c>printf %s "$TOKEN" | sha256sum</c>); the token
    /// itself is never configured. Use a random token of at least 128 bits. Required.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary><c>reviewer</c> or <c>admin</c>. Default <c>reviewer</c>.</summary>
    public string Role { get; set; } = Auth.ReviewRoles.Reviewer;
}
