using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Test preprocessor: the "image" is 784 raw 8-bit gray pixels, mapped to [−1,1] as p/127.5 − 1;
/// empty input is rejected as <c>empty</c>, any other length as <c>corrupt</c>.</summary>
internal sealed class RawPixelPreprocessor : IImagePreprocessor
{
    public const int Pixels = 28 * 28;

    private int _calls;

    public int Size => 28;

    /// <summary>Posts preprocessed so far (accepted or rejected).</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void Preprocess(ReadOnlySpan<byte> encoded, string? contentType, Span<float> destination)
    {
        Interlocked.Increment(ref _calls);
        if (encoded.IsEmpty)
        {
            throw new ImageRejectedException(DeadLetterReasons.Empty, "The post has no bytes.");
        }

        if (encoded.Length != Pixels)
        {
            throw new ImageRejectedException(DeadLetterReasons.Corrupt, $"Expected {Pixels} raw pixels, got {encoded.Length} bytes.");
        }

        for (var i = 0; i < Pixels; i++)
        {
            destination[i] = encoded[i] / 127.5f - 1f;
        }
    }
}
