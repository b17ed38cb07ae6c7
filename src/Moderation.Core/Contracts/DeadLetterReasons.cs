namespace Moderation.Core.Contracts;

/// <summary>Values of the <see cref="PostHeaders.DlqReason"/> header.</summary>
public static class DeadLetterReasons
{
    /// <summary>The record had no value or an empty one.</summary>
    public const string Empty = "empty";
    /// <summary>The content type (header or sniffed magic bytes) is not JPEG, PNG or WebP.</summary>
    public const string UnsupportedType = "unsupported-type";
    /// <summary>The encoded bytes exceed the configured limit.</summary>
    public const string TooLarge = "too-large";
    /// <summary>The header declares more pixels than the configured limit (decompression-bomb guard).</summary>
    public const string TooManyPixels = "too-many-pixels";
    /// <summary>The codec rejected the bytes (truncated, corrupt).</summary>
    public const string Corrupt = "corrupt";
    /// <summary>Scoring failed after retries.</summary>
    public const string ScoringFailed = "scoring-failed";
}
