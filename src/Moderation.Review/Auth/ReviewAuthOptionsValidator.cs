using Microsoft.Extensions.Options;
using Moderation.Review.Configuration;

namespace Moderation.Review.Auth;

/// <summary>Refuses a <see cref="ReviewAuthOptions"/> without any user or token (no default secret), and users or
/// tokens with a missing name, a missing or malformed hash, or an unknown role.</summary>
internal sealed class ReviewAuthOptionsValidator(IOptions<ReviewOptions> review) : IValidateOptions<ReviewAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewAuthOptions options)
    {
        if (!review.Value.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        if (options.Users.Count == 0 && options.Tokens.Count == 0)
        {
            errors.Add("ReviewAuth has no user and no token: configure ReviewAuth:Users (names and password hashes from "
                + "`moderation hash-password`) or ReviewAuth:Tokens (SHA-256 of each token), or set Review:Enabled=false.");
        }

        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            if (string.IsNullOrWhiteSpace(user.Name) || string.IsNullOrWhiteSpace(user.PasswordHash) || !ReviewRoles.IsKnown(user.Role))
            {
                errors.Add($"ReviewAuth:Users:{i} needs a Name, a PasswordHash and a Role of '{ReviewRoles.Reviewer}' or '{ReviewRoles.Admin}'.");
            }
        }

        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            if (string.IsNullOrWhiteSpace(token.Name) || !ReviewCredentials.TryHex(token.Sha256, out _) || !ReviewRoles.IsKnown(token.Role))
            {
                errors.Add($"ReviewAuth:Tokens:{i} needs a Name, a Sha256 of 64 hex digits and a Role of '{ReviewRoles.Reviewer}' or '{ReviewRoles.Admin}'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
