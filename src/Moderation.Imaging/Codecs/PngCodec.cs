using System.Buffers.Binary;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Imaging.Interop;
using static Moderation.Imaging.Interop.NativeMethods;

namespace Moderation.Imaging.Codecs;

/// <summary>PNG through libpng's simplified API: 8-bit sRGB gray, gray+alpha, RGB or RGBA (whichever keeps the
/// file's information), then <see cref="GrayConversion"/>. Palette, 1/2/4/16-bit and Adam7-interlaced files are
/// expanded by libpng; 16-bit samples without gAMA/sRGB are read as sRGB-encoded (PNG_IMAGE_FLAG_16BIT_sRGB).</summary>
internal static unsafe class PngCodec
{
    /// <summary>Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).</summary>
    private const int IhdrPrefixLength = 24;

    public static PooledGrayImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        // PNG spec (ISO/IEC 15948) 5.6: IHDR must come first. Check its dimensions before libpng reads any further
        // chunk, so that a bomb is refused as too-many-pixels even when the rest of the file is missing.
        (uint width, uint height) = PeekIhdr(data);
        limits.Verify(width, height, "PNG");

        using PngImageHandle image = PngImageHandle.Create();
        fixed (byte* memory = data)
        {
            // libpng keeps 'memory' until finish_read/free: both happen inside this fixed block.
            VerifyPng(png_image_begin_read_from_memory(image, memory, (nuint)data.Length), image, "png_image_begin_read_from_memory");
            ref PngImage header = ref image.Image;
            limits.Verify(header.Width, header.Height, "PNG");

            uint format = header.Format & (PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA);
            int channels = (int)format + 1; // PNG_IMAGE_SAMPLE_CHANNELS for 8-bit formats
            header.Format = format;
            header.Flags |= PNG_IMAGE_FLAG_16BIT_sRGB;

            var result = PooledGrayImage.Rent((int)header.Width, (int)header.Height, channels);
            try
            {
                Span<byte> pixels = result.RentedSpan(channels);
                fixed (byte* buffer = pixels)
                {
                    VerifyPng(png_image_finish_read(image, null, buffer, result.Width * channels, null), image, "png_image_finish_read");
                }

                ToGray(pixels, result.Width * result.Height, format);
                return result;
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }
    }

    private static (uint Width, uint Height) PeekIhdr(ReadOnlySpan<byte> data)
    {
        if (data.Length < IhdrPrefixLength
            || BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != 13
            || !data[12..16].SequenceEqual("IHDR"u8))
        {
            throw new ImageRejectedException(DeadLetterReasons.Corrupt, "PNG does not start with a complete IHDR chunk.");
        }

        return (BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..]));
    }

    private static void ToGray(Span<byte> pixels, int count, uint format)
    {
        switch (format)
        {
            case PNG_FORMAT_FLAG_ALPHA:
                GrayConversion.GrayAlphaToGray(pixels, count);
                break;
            case PNG_FORMAT_FLAG_COLOR:
                GrayConversion.RgbToGray(pixels, count);
                break;
            case PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA:
                GrayConversion.RgbaToGray(pixels, count);
                break;
        }
    }
}
