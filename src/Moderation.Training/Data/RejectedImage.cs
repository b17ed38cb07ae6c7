namespace Moderation.Training.Data;

/// <summary>An image file the preprocessor refused.</summary>
/// <param name="File">Full path.</param>
/// <param name="Reason">Dead-letter reason code (<c>Moderation.Core.Contracts.DeadLetterReasons</c>).</param>
/// <param name="Message">What was wrong.</param>
public sealed record RejectedImage(string File, string Reason, string Message);
