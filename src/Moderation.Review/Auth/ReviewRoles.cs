namespace Moderation.Review.Auth;

/// <summary>Roles of the review side. Both read the queue and decide undecided posts; only an admin changes a decision
/// already made.</summary>
public static class ReviewRoles
{
    /// <summary>Reads flagged posts, confirms or dismisses undecided ones.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>A reviewer who may also change a decision already made.</summary>
    public const string Admin = "admin";

    /// <summary>Whether <paramref name="role"/> is one of the two.</summary>
    public static bool IsKnown(string? role) => role is Reviewer or Admin;
}
