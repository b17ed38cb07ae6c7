using Moderation.Imaging.Interop;
using static Moderation.Imaging.Interop.NativeMethods;

namespace Moderation.Imaging.Codecs;

/// <summary>WebP (lossy, lossless, extended) through libwebp: RGB, or RGBA when the file has alpha, decoded into a
/// pooled buffer, then <see cref="GrayConversion"/>. Animated files are refused as unsupported-type.</summary>
internal static unsafe class WebPCodec
{
    public static PooledGrayImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        fixed (byte* webp = data)
        {
            WebPBitstreamFeatures features;
            VerifyWebP(WebPGetFeaturesInternal(webp, (nuint)data.Length, &features, WebPDecoderAbiVersion), "WebPGetFeatures");
            limits.Verify(features.Width, features.Height, "WebP");
            if (features.HasAnimation != 0)
            {
                VerifyWebP(WebPStatus.UnsupportedFeature, "WebPGetFeatures (animated WebP)");
            }

            int channels = features.HasAlpha != 0 ? 4 : 3;
            var result = PooledGrayImage.Rent(features.Width, features.Height, channels);
            try
            {
                Span<byte> pixels = result.RentedSpan(channels);
                fixed (byte* output = pixels)
                {
                    int stride = result.Width * channels;
                    byte* decoded = channels == 4
                        ? WebPDecodeRGBAInto(webp, (nuint)data.Length, output, (nuint)pixels.Length, stride)
                        : WebPDecodeRGBInto(webp, (nuint)data.Length, output, (nuint)pixels.Length, stride);
                    VerifyWebP(decoded != null ? WebPStatus.Ok : WebPStatus.BitstreamError,
                        channels == 4 ? "WebPDecodeRGBAInto (NULL: invalid or truncated data)" : "WebPDecodeRGBInto (NULL: invalid or truncated data)");
                }

                int count = result.Width * result.Height;
                if (channels == 4)
                {
                    GrayConversion.RgbaToGray(pixels, count);
                }
                else
                {
                    GrayConversion.RgbToGray(pixels, count);
                }

                return result;
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }
    }
}
