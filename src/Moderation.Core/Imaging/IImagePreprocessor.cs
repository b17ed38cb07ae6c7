namespace Moderation.Core.Imaging;

/// <summary>Turns encoded image bytes into the model's input tensor.</summary>
public interface IImagePreprocessor
{
    /// <summary>Side of the square output image in pixels (28 for the shipped models).</summary>
    int Size { get; }

    /// <summary>
    /// Decodes JPEG/PNG/WebP bytes, converts to grayscale, resizes to <see cref="Size"/>×<see cref="Size"/> with an area
    /// (box) filter and writes float32 pixels in [−1,1] (row-major, <c>[1,Size,Size]</c>) into <paramref name="destination"/>.
    /// </summary>
    /// <param name="encoded">The encoded bytes as posted.</param>
    /// <param name="contentType">The post's content-type header, or null; magic bytes decide when absent.</param>
    /// <param name="destination">At least Size·Size floats.</param>
    /// <exception cref="ImageRejectedException">The bytes are empty, unsupported, too large, declare too many pixels, or are corrupt.</exception>
    void Preprocess(ReadOnlySpan<byte> encoded, string? contentType, Span<float> destination);
}
