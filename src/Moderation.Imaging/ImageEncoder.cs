using Moderation.Core.Imaging;
using Moderation.Imaging.Codecs;

namespace Moderation.Imaging;

/// <summary>Encodes 8-bit gray images (<c>byte [height,width]</c>, row-major) to PNG, JPEG or WebP with the same native
/// libraries the decoder uses; for the demo producer and tests. Thread-safe.</summary>
public static class ImageEncoder
{
    /// <summary>Largest side TurboJPEG accepts (JPEG_MAX_DIMENSION in libjpeg).</summary>
    public const int MaxJpegSide = 65500;

    /// <summary>Largest side accepted for PNG here: libpng's default user limit (PNG_USER_WIDTH_MAX).</summary>
    public const int MaxPngSide = 1_000_000;

    /// <summary>Largest side a WebP bitstream can hold (WEBP_MAX_DIMENSION in webp/encode.h).</summary>
    public const int MaxWebPSide = 16383;

    /// <summary>Lossless 8-bit grayscale PNG (colour type 0; libpng also writes gAMA/cHRM for sRGB).</summary>
    /// <exception cref="ArgumentException">Bad size, or <paramref name="gray"/> shorter than width·height.</exception>
    /// <exception cref="InvalidOperationException">libpng failed.</exception>
    public static byte[] EncodePng(ReadOnlySpan<byte> gray, int width, int height)
    {
        Validate(gray, width, height, MaxPngSide);
        try
        {
            return PngEncoder.Encode(gray, width, height);
        }
        catch (ImageRejectedException e)
        {
            throw new InvalidOperationException($"PNG encoding failed: {e.Message}", e);
        }
    }

    /// <summary>Baseline single-component (grayscale) JPEG.</summary>
    /// <param name="gray">width·height bytes.</param>
    /// <param name="width">Width in pixels, 1–65500.</param>
    /// <param name="height">Height in pixels, 1–65500.</param>
    /// <param name="quality">libjpeg quality, 1 (worst) – 100 (best); default 90.</param>
    /// <exception cref="ArgumentException">Bad size or quality, or <paramref name="gray"/> too short.</exception>
    /// <exception cref="InvalidOperationException">libturbojpeg failed.</exception>
    public static byte[] EncodeJpeg(ReadOnlySpan<byte> gray, int width, int height, int quality = 90)
    {
        Validate(gray, width, height, MaxJpegSide);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        try
        {
            return JpegEncoder.Encode(gray, width, height, quality);
        }
        catch (ImageRejectedException e)
        {
            throw new InvalidOperationException($"JPEG encoding failed: {e.Message}", e);
        }
    }

    /// <summary>Lossy WebP (VP8) of the gray image as R = G = B.</summary>
    /// <param name="gray">width·height bytes.</param>
    /// <param name="width">Width in pixels, 1–16383.</param>
    /// <param name="height">Height in pixels, 1–16383.</param>
    /// <param name="quality">libwebp quality factor, 0–100; default 90.</param>
    /// <exception cref="ArgumentException">Bad size or quality, or <paramref name="gray"/> too short.</exception>
    /// <exception cref="InvalidOperationException">libwebp failed.</exception>
    public static byte[] EncodeWebP(ReadOnlySpan<byte> gray, int width, int height, float quality = 90f)
    {
        Validate(gray, width, height, MaxWebPSide);
        if (!(quality is >= 0f and <= 100f))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "WebP quality must be within 0–100.");
        }

        try
        {
            return WebPEncoder.Encode(gray, width, height, quality);
        }
        catch (ImageRejectedException e)
        {
            throw new InvalidOperationException($"WebP encoding failed: {e.Message}", e);
        }
    }

    /// <summary>Lossless WebP (VP8L) of the gray image as R = G = B; decodes back to the same bytes.</summary>
    /// <exception cref="ArgumentException">Bad size, or <paramref name="gray"/> shorter than width·height.</exception>
    /// <exception cref="InvalidOperationException">libwebp failed.</exception>
    public static byte[] EncodeWebPLossless(ReadOnlySpan<byte> gray, int width, int height)
    {
        Validate(gray, width, height, MaxWebPSide);
        try
        {
            return WebPEncoder.Encode(gray, width, height, quality: null);
        }
        catch (ImageRejectedException e)
        {
            throw new InvalidOperationException($"WebP encoding failed: {e.Message}", e);
        }
    }

    private static void Validate(ReadOnlySpan<byte> gray, int width, int height, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, maxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, maxSide);
        if (gray.Length < (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} pixels, got {gray.Length}.", nameof(gray));
        }
    }
}
