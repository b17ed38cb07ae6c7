namespace Moderation.Training.Torch;

/// <summary>A training step produced a loss or gradient that is NaN or infinite. The step's optimiser update was not
/// applied: weights and biases hold their values from before that step (BatchNorm running statistics include the
/// failed step's forward pass).</summary>
/// <param name="step">1-based optimisation step of the optimiser that failed.</param>
/// <param name="what">What was not finite, e.g. <c>discriminator loss</c> or <c>generator gradient</c>.</param>
/// <param name="detail">Values or tensor names for the message.</param>
/// <param name="innerException">The exception this one adds context to (e.g. the optimiser's, re-thrown by the trainer
/// with the epoch), or null.</param>
public sealed class TrainingDivergedException(long step, string what, string detail, Exception? innerException = null)
    : InvalidOperationException($"training diverged at step {step}: {what} is not finite ({detail})", innerException)
{
    /// <summary>1-based optimisation step that failed.</summary>
    public long Step { get; } = step;

    /// <summary>What was not finite.</summary>
    public string What { get; } = what;

    /// <summary>Values or tensor names.</summary>
    public string Detail { get; } = detail;
}
