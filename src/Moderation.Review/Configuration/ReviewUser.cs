namespace Moderation.Review.Configuration;

/// <summary>A user of the review page (<see cref="ReviewAuthOptions.Users"/>).</summary>
public sealed class ReviewUser
{
    /// <summary>Login name; recorded as the reviewer of each decision. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The password hash in ASP.NET Core Identity's <c>PasswordHasher</c> V3 format (PBKDF2-HMAC-SHA512, 100,000
    /// iterations, base64), as printed by <c>moderation hash-password</c>. Never the password itself. Required.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>reviewer</c> or <c>admin</c> (<see cref="Auth.ReviewRoles"/>). Default <c>reviewer</c>.</summary>
    public string Role { get; set; } = Auth.ReviewRoles.Reviewer;
}
