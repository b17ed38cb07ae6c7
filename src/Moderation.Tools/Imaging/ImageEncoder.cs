using SkiaSharp;

namespace Moderation.Tools.Imaging;

/// <summary>Encodes 8-bit gray images (<c>byte [height,width]</c>, row-major) to PNG, JPEG or WebP with SkiaSharp's
/// encoders (<see cref="SKPixmap.Encode(SKPngEncoderOptions)"/> and its JPEG/WebP overloads: Skia's libpng,
/// libjpeg-turbo and libwebp); for the demo producer, the benchmarks and the tests. Thread-safe.</summary>
public static class ImageEncoder
{
    /// <summary>Largest side a JPEG can hold here: 65500 (JPEG_MAX_DIMENSION in libjpeg's jmorecfg.h).</summary>
    public const int MaxJpegSide = 65500;

    /// <summary>Largest side accepted for PNG here: libpng's default user limit (PNG_USER_WIDTH_MAX, 1,000,000).</summary>
    public const int MaxPngSide = 1_000_000;

    /// <summary>Largest side a WebP bitstream can hold: 16383 (WEBP_MAX_DIMENSION in webp/encode.h).</summary>
    public const int MaxWebPSide = 16383;

    /// <summary>Lossless 8-bit grayscale PNG (colour type 0, zlib level 6, all five row filters tried).</summary>
    /// <param name="gray">width·height bytes.</param>
    /// <param name="width">Width in pixels, 1–1,000,000.</param>
    /// <param name="height">Height in pixels, 1–1,000,000.</param>
    /// <exception cref="ArgumentException">Bad size, or <paramref name="gray"/> shorter than width·height.</exception>
    /// <exception cref="InvalidOperationException">Skia's encoder failed.</exception>
    public static byte[] EncodePng(ReadOnlySpan<byte> gray, int width, int height)
    {
        Validate(gray, width, height, MaxPngSide);
        return Encode(gray, width, height, "PNG", pixmap => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)));
    }

    /// <summary>Baseline single-component (grayscale) JPEG.</summary>
    /// <param name="gray">width·height bytes.</param>
    /// <param name="width">Width in pixels, 1–65500.</param>
    /// <param name="height">Height in pixels, 1–65500.</param>
    /// <param name="quality">libjpeg quality, 1 (worst) – 100 (best); default 90.</param>
    /// <exception cref="ArgumentException">Bad size or quality, or <paramref name="gray"/> too short.</exception>
    /// <exception cref="InvalidOperationException">Skia's encoder failed.</exception>
    public static byte[] EncodeJpeg(ReadOnlySpan<byte> gray, int width, int height, int quality = 90)
    {
        Validate(gray, width, height, MaxJpegSide);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Encode(gray, width, height, "JPEG", pixmap => pixmap.Encode(new SKJpegEncoderOptions(quality)));
    }

    /// <summary>Lossy WebP (VP8) of the gray image as R = G = B.</summary>
    /// <param name="gray">width·height bytes.</param>
    /// <param name="width">Width in pixels, 1–16383.</param>
    /// <param name="height">Height in pixels, 1–16383.</param>
    /// <param name="quality">libwebp quality factor, 0–100; default 90.</param>
    /// <exception cref="ArgumentException">Bad size or quality, or <paramref name="gray"/> too short.</exception>
    /// <exception cref="InvalidOperationException">Skia's encoder failed.</exception>
    public static byte[] EncodeWebP(ReadOnlySpan<byte> gray, int width, int height, float quality = 90f)
    {
        Validate(gray, width, height, MaxWebPSide);
        if (!(quality is >= 0f and <= 100f))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "WebP quality must be within 0–100.");
        }

        return Encode(gray, width, height, "WebP", pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality)));
    }

    /// <summary>Lossless WebP (VP8L, libwebp effort 75) of the gray image as R = G = B; decodes back to the same bytes.</summary>
    /// <param name="gray">width·height bytes.</param>
    /// <param name="width">Width in pixels, 1–16383.</param>
    /// <param name="height">Height in pixels, 1–16383.</param>
    /// <exception cref="ArgumentException">Bad size, or <paramref name="gray"/> shorter than width·height.</exception>
    /// <exception cref="InvalidOperationException">Skia's encoder failed.</exception>
    public static byte[] EncodeWebPLossless(ReadOnlySpan<byte> gray, int width, int height)
    {
        Validate(gray, width, height, MaxWebPSide);
        return Encode(gray, width, height, "WebP", pixmap => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75f)));
    }

    private static unsafe byte[] Encode(ReadOnlySpan<byte> gray, int width, int height, string format, Func<SKPixmap, SKData?> encode)
    {
        fixed (byte* pixels = gray)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (nint)pixels, width);
            using SKData? encoded = encode(pixmap);
            return encoded?.ToArray() ?? throw new InvalidOperationException($"Skia's {format} encoder failed for {width}×{height}.");
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
