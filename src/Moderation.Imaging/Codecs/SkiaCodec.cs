using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using SkiaSharp;

namespace Moderation.Imaging.Codecs;

/// <summary>JPEG, PNG and WebP through SkiaSharp's <see cref="SKCodec"/> (Skia's own builds of libjpeg-turbo 3.1,
/// libpng 1.6 and libwebp, linked into libSkiaSharp.so). The codec reads the header first; the limits are checked on
/// its width and height before the pixel buffer is rented. Gray sources (gray JPEG, gray PNG) decode straight to
/// 8-bit gray; everything else decodes to unpremultiplied RGBA and becomes gray through
/// <see cref="GrayConversion.RgbaToGray"/> (BT.601, alpha over white), because Skia's own RGBA→gray conversion uses
/// BT.709 weights and drops alpha. No colour management: the encoded values are used as they are.</summary>
internal static unsafe class SkiaCodec
{
    /// <summary>How many decoded pixels per output pixel, at least, along each side of a scaled JPEG decode: 4.
    /// Measured on a 1024×768 Fashion-MNIST mosaic (JPEG q90) resized to 28×28, against full decode + box filter:
    /// 1/2 scale (13.7 per output pixel) mean/max 0.24/3.0 gray levels, 1/4 (6.9) 0.81/6.7, 1/8 (3.4) 2.3/15.6;
    /// on two 720×477 photos 1/4 (4.3) gives 1.3–2.6/16–22 and 1/8 (2.1) 1.6–3.1/15–23.</summary>
    internal const int MinScaledPerTarget = 4;

    /// <summary>Decodes the encoded bytes to 8-bit gray.</summary>
    /// <param name="data">The encoded file.</param>
    /// <param name="format">What its magic bytes say (not <see cref="ImageFormat.Unknown"/>).</param>
    /// <param name="limits">The decompression-bomb guard, checked on the header's width and height.</param>
    /// <param name="targetSide">The side the caller will area-resize to, or 0 for full size. A JPEG is then decoded at
    /// the smallest DCT scale (1/8, 1/4, 1/2: libjpeg's scaled IDCT) whose both sides are still at least
    /// <see cref="MinScaledPerTarget"/> times it.</param>
    /// <exception cref="ImageRejectedException"><c>too-many-pixels</c>, <c>unsupported-type</c> (animated WebP) or
    /// <c>corrupt</c> (Skia could not read the header, or the pixels did not decode completely).</exception>
    public static PooledGrayImage Decode(ReadOnlySpan<byte> data, ImageFormat format, ImageLimits limits, int targetSide)
    {
        fixed (byte* encoded = data)
        {
            // SKData.Create(pointer, length) wraps the pinned bytes without copying; the codec must not outlive this block.
            using SKData view = SKData.Create((nint)encoded, data.Length);
            using var stream = new SKMemoryStream(view);
            using SKCodec codec = SKCodec.Create(stream, out SKCodecResult created) ?? throw Rejected(format, created, "header");
            SKImageInfo header = codec.Info;
            limits.Verify(header.Width, header.Height, Name(format));
            if (codec.FrameCount > 1)
            {
                throw new ImageRejectedException(DeadLetterReasons.UnsupportedType,
                    $"Animated {Name(format)} ({codec.FrameCount} frames) is not supported.");
            }

            SKSizeI size = DecodeSize(codec, format, targetSide);
            bool gray = header.ColorType == SKColorType.Gray8;
            int channels = gray ? 1 : 4;
            var image = PooledGrayImage.Rent(size.Width, size.Height, channels);
            try
            {
                var target = new SKImageInfo(size.Width, size.Height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888,
                    gray ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
                Span<byte> pixels = image.RentedSpan(channels);
                fixed (byte* output = pixels)
                {
                    SKCodecResult decoded = codec.GetPixels(target, (nint)output, size.Width * channels, SKCodecOptions.Default);
                    if (decoded != SKCodecResult.Success)
                    {
                        throw Rejected(format, decoded, "pixels");
                    }
                }

                if (!gray)
                {
                    GrayConversion.RgbaToGray(pixels, size.Width * size.Height);
                }

                return image;
            }
            catch
            {
                image.Dispose();
                throw;
            }
        }
    }

    /// <summary>Full size, or for a JPEG with a target the smallest of 1/8, 1/4, 1/2 that keeps both sides
    /// ≥ <see cref="MinScaledPerTarget"/>·target.</summary>
    private static SKSizeI DecodeSize(SKCodec codec, ImageFormat format, int targetSide)
    {
        SKSizeI full = codec.Info.Size;
        if (format == ImageFormat.Jpeg && targetSide > 0)
        {
            foreach (int denominator in (ReadOnlySpan<int>)[8, 4, 2])
            {
                SKSizeI scaled = codec.GetScaledDimensions(1f / denominator);
                if (scaled.Width >= MinScaledPerTarget * targetSide && scaled.Height >= MinScaledPerTarget * targetSide
                    && scaled.Width < full.Width)
                {
                    return scaled;
                }
            }
        }

        return full;
    }

    private static ImageRejectedException Rejected(ImageFormat format, SKCodecResult result, string stage)
    {
        (string reason, string what) = result switch
        {
            SKCodecResult.IncompleteInput => (DeadLetterReasons.Corrupt, "the data ends early (truncated)"),
            SKCodecResult.ErrorInInput => (DeadLetterReasons.Corrupt, "the data is invalid part-way through"),
            SKCodecResult.InvalidInput => (DeadLetterReasons.Corrupt, "the data is not a valid image"),
            SKCodecResult.Unimplemented => (DeadLetterReasons.UnsupportedType, "the file uses a feature the codec does not implement"),
            _ => (DeadLetterReasons.Corrupt, "the codec could not decode it"),
        };
        return new ImageRejectedException(reason, $"{Name(format)} rejected by {Library(format)} ({stage}): {result}, {what}.");
    }

    private static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        _ => "WebP",
    };

    private static string Library(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "Skia's libjpeg-turbo",
        ImageFormat.Png => "Skia's libpng",
        _ => "Skia's libwebp",
    };
}
