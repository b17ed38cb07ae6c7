using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Imaging.Codecs;

namespace Moderation.Imaging;

/// <summary>Decodes posted JPEG/PNG/WebP bytes to 8-bit grayscale with SkiaSharp's <c>SKCodec</c> (Skia's libjpeg-turbo,
/// libpng and libwebp), enforcing <see cref="ImagingOptions"/> limits on the header's width and height before any
/// pixel buffer is allocated. Thread-safe: holds only immutable options; every call uses its own codec.</summary>
public sealed class ImageDecoder
{
    private readonly int maxEncodedBytes;
    private readonly ImageLimits limits;
    private readonly bool verifyJpegData;

    /// <summary>Creates a decoder with the limits of <paramref name="options"/> (copied; later changes are ignored).</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public ImageDecoder(ImagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        maxEncodedBytes = options.MaxEncodedBytes;
        verifyJpegData = options.VerifyJpegData;
        limits = new ImageLimits(options.MaxPixels, options.MaxSide);
    }

    /// <summary>Decodes to a newly allocated gray image. RGB sources become BT.601 luma (0.299 R + 0.587 G +
    /// 0.114 B on the encoded values); alpha is composited onto white.</summary>
    /// <param name="encoded">The bytes as posted.</param>
    /// <param name="contentType">The content-type header, or null/empty when absent. When present it must name
    /// image/jpeg, image/png or image/webp; the codec is still chosen by the magic bytes.</param>
    /// <returns>The decoded image, <c>byte [Height,Width]</c>.</returns>
    /// <exception cref="ImageRejectedException">Reason (see <see cref="DeadLetterReasons"/>): <c>empty</c>;
    /// <c>unsupported-type</c> (content type or magic bytes not JPEG/PNG/WebP, animated WebP); <c>too-large</c> (more
    /// than <see cref="ImagingOptions.MaxEncodedBytes"/>); <c>too-many-pixels</c> (header over
    /// <see cref="ImagingOptions.MaxPixels"/> or <see cref="ImagingOptions.MaxSide"/>); <c>corrupt</c> (Skia could not
    /// read the header or decode every row, e.g. a truncated file; or, with <see cref="ImagingOptions.VerifyJpegData"/>,
    /// libjpeg warned about the JPEG's entropy-coded data).</exception>
    public GrayImage Decode(ReadOnlySpan<byte> encoded, string? contentType)
    {
        using PooledGrayImage image = DecodePooled(encoded, contentType);
        return new GrayImage(image.Width, image.Height, image.Pixels.ToArray());
    }

    /// <summary>As <see cref="Decode"/>, into a pooled buffer the caller must dispose. With a positive
    /// <paramref name="targetSide"/> a large JPEG is decoded at 1/2, 1/4 or 1/8 scale (both sides still ≥ 4× it).</summary>
    internal PooledGrayImage DecodePooled(ReadOnlySpan<byte> encoded, string? contentType, int targetSide = 0)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageRejectedException(DeadLetterReasons.Empty, "The image is empty (0 bytes).");
        }

        if (!string.IsNullOrWhiteSpace(contentType) && ImageFormatDetector.FromContentType(contentType) == ImageFormat.Unknown)
        {
            throw new ImageRejectedException(DeadLetterReasons.UnsupportedType,
                $"Content type '{contentType}' is not image/jpeg, image/png or image/webp.");
        }

        if (encoded.Length > maxEncodedBytes)
        {
            throw new ImageRejectedException(DeadLetterReasons.TooLarge,
                $"The image has {encoded.Length} bytes; at most {maxEncodedBytes} are allowed.");
        }

        ImageFormat format = ImageFormatDetector.Detect(encoded);
        if (format == ImageFormat.Unknown)
        {
            throw new ImageRejectedException(DeadLetterReasons.UnsupportedType,
                $"The bytes are not JPEG, PNG or WebP (they start with {Convert.ToHexString(encoded[..Math.Min(8, encoded.Length)])}).");
        }

        ContainerHeader.Verify(encoded, format, limits);
        PooledGrayImage image = SkiaCodec.Decode(encoded, format, limits, targetSide);
        if (format == ImageFormat.Jpeg && verifyJpegData)
        {
            try
            {
                JpegDataCheck.Verify(encoded);
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }

        return image;
    }
}
