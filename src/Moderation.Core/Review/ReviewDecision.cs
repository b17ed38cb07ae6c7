namespace Moderation.Core.Review;

/// <summary>What a trust-and-safety reviewer decided about a flagged post.</summary>
public enum ReviewDecision
{
    /// <summary><c>confirm</c>: the post is a violation (the flag was right).</summary>
    Confirm,

    /// <summary><c>dismiss</c>: a false positive; the image is normal by the reviewer's word and may join the normal
    /// training images of the next retraining.</summary>
    Dismiss,
}
