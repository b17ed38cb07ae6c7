using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Moderation.Review.Configuration;

namespace Moderation.Review.Auth;

/// <summary>Checks passwords (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, V3: PBKDF2-HMAC-SHA512) and
/// API tokens (SHA-256, compared in constant time) against <see cref="ReviewAuthOptions"/>, and builds the principal.</summary>
internal sealed class ReviewCredentials(IOptionsMonitor<ReviewAuthOptions> options)
{
    private static readonly PasswordHasher<ReviewUser> Hasher = new();

    // verified when the name is unknown, so a wrong name costs the same time as a wrong password
    private static readonly string DummyHash = Hasher.HashPassword(new ReviewUser(), Guid.NewGuid().ToString());

    /// <summary>The user's principal for <paramref name="scheme"/>, or null when the name or password is wrong.</summary>
    public ClaimsPrincipal? CheckPassword(string name, string password, string scheme)
    {
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        var result = Hasher.VerifyHashedPassword(user ?? new ReviewUser(), user?.PasswordHash ?? DummyHash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? Principal(user.Name, user.Role, scheme) : null;
    }

    /// <summary>The token's principal for <paramref name="scheme"/>, or null when no configured token has its hash.</summary>
    public ClaimsPrincipal? CheckToken(string token, string scheme)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        foreach (var candidate in options.CurrentValue.Tokens)
        {
            if (TryHex(candidate.Sha256, out var expected) && CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                return Principal(candidate.Name, candidate.Role, scheme);
            }
        }

        return null;
    }

    /// <summary>Whether a logged-in user still exists with the same role (a removed user's cookie stops working).</summary>
    public bool IsCurrentUser(ClaimsPrincipal principal) =>
        options.CurrentValue.Users.Any(u => u.Name == principal.Identity?.Name && principal.IsInRole(u.Role));

    /// <summary>Parses 64 hex digits.</summary>
    public static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static ClaimsPrincipal Principal(string name, string role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], scheme, ClaimTypes.Name, ClaimTypes.Role));
}
