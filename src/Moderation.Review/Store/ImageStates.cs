namespace Moderation.Review.Store;

/// <summary>Why a stored post has or lacks its image bytes (column <c>image_state</c>).</summary>
internal static class ImageStates
{
    /// <summary>The bytes are stored.</summary>
    public const string Kept = "kept";

    /// <summary>The flags record came without them (<c>flag-value-omitted</c>: too large to produce).</summary>
    public const string Omitted = "omitted";

    /// <summary>Larger than <c>Review:MaxImageBytes</c>: not stored.</summary>
    public const string TooLarge = "too-large";

    /// <summary>Deleted by retention (<c>Review:ImageRetentionDays</c>).</summary>
    public const string Expired = "expired";
}
