namespace Moderation.Scoring.Registry;

/// <summary>Why the registry watcher refused a promoted version (the <c>reason</c> tag of
/// <see cref="ModelSwapMetrics.Swaps"/>).</summary>
public static class ModelRefusalReasons
{
    /// <summary>The ONNX file's SHA-256 differs from its model card's.</summary>
    public const string HashMismatch = "hash-mismatch";

    /// <summary>The model's input shape is not what the pre-processor produces (<c>Imaging:Size</c>).</summary>
    public const string WrongShape = "wrong-shape";

    /// <summary>The warm-up batch threw, returned the wrong number of scores, or a non-finite score.</summary>
    public const string WarmUpFailed = "warm-up-failed";

    /// <summary>The folder, card or ONNX file is missing or cannot be read or parsed, or the card does not fit the model
    /// (input, outputs, thresholds).</summary>
    public const string Unreadable = "unreadable";
}
