namespace Moderation.Core.Imaging;

/// <summary>The one exception type for input that cannot be turned into a model input.</summary>
/// <remarks>Creates the exception.</remarks>
/// <param name="reason">One of <see cref="Contracts.DeadLetterReasons"/>.</param>
/// <param name="message">What was wrong, for people.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class ImageRejectedException(string reason, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Dead-letter reason code, one of <see cref="Contracts.DeadLetterReasons"/>.</summary>
    public string Reason { get; } = reason;
}
