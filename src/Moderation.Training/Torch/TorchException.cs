namespace Moderation.Training.Torch;

/// <summary>A call into the libtorch shim failed; <see cref="Exception.Message"/> is the native message.</summary>
/// <param name="kind">Which kind of native failure.</param>
/// <param name="message">The native message (from <c>mt_last_error</c>).</param>
public sealed class TorchException(TorchErrorKind kind, string message) : Exception(message)
{
    /// <summary>Which kind of native failure.</summary>
    public TorchErrorKind Kind { get; } = kind;
}
