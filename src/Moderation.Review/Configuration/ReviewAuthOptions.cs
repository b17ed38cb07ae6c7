using System.ComponentModel.DataAnnotations;

namespace Moderation.Review.Configuration;

/// <summary>
/// Who may use the review side (configuration section <c>ReviewAuth</c>): users who log in with a password (cookie) and
/// API tokens (<c>Authorization: Bearer …</c>). With the review side enabled and neither configured, the host refuses
/// to start (there is no default secret); <c>moderation demo</c> generates a one-off password.
/// </summary>
public sealed class ReviewAuthOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "ReviewAuth";

    /// <summary>Users allowed to log in. Empty by default.</summary>
    public List<ReviewUser> Users { get; set; } = [];

    /// <summary>Static API tokens. Empty by default.</summary>
    public List<ReviewApiToken> Tokens { get; set; } = [];

    /// <summary>Hours a login cookie stays valid (sliding). Default 8 h.</summary>
    [Range(1, 24 * 30)]
    public int CookieHours { get; set; } = 8;
}
