using System.Security.Cryptography;
using System.Text;
using Moderation.Review.Auth;

namespace Moderation.Review.Tests.Support;

/// <summary>The users and API token the test hosts are configured with (hashes only, as in production).</summary>
internal static class Credentials
{
    public const string Reviewer = "rita";
    public const string ReviewerPassword = "rita-correct-horse-7";
    public const string Admin = "adam";
    public const string AdminPassword = "adam-battery-staple-9";
    public const string Token = "tok-3f9a1c2b7d4e5a6b8c9d0e1f2a3b4c5d";
    public const string TokenName = "triage-bot";

    private static readonly Lazy<Dictionary<string, string?>> Hashed = new(() => new Dictionary<string, string?>
    {
        ["ReviewAuth:Users:0:Name"] = Reviewer,
        ["ReviewAuth:Users:0:PasswordHash"] = ReviewPasswords.Hash(ReviewerPassword),
        ["ReviewAuth:Users:0:Role"] = ReviewRoles.Reviewer,
        ["ReviewAuth:Users:1:Name"] = Admin,
        ["ReviewAuth:Users:1:PasswordHash"] = ReviewPasswords.Hash(AdminPassword),
        ["ReviewAuth:Users:1:Role"] = ReviewRoles.Admin,
        ["ReviewAuth:Tokens:0:Name"] = TokenName,
        ["ReviewAuth:Tokens:0:Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
        ["ReviewAuth:Tokens:0:Role"] = ReviewRoles.Reviewer,
    });

    public static IReadOnlyDictionary<string, string?> Settings => Hashed.Value;
}
