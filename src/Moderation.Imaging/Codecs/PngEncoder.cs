using Moderation.Imaging.Interop;
using static Moderation.Imaging.Interop.NativeMethods;

namespace Moderation.Imaging.Codecs;

/// <summary>8-bit gray PNG through libpng's simplified write API (png_image_write_to_memory).</summary>
internal static unsafe class PngEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> gray, int width, int height)
    {
        using PngImageHandle image = PngImageHandle.Create();
        image.Image.Width = (uint)width;
        image.Image.Height = (uint)height;
        image.Image.Format = PNG_FORMAT_GRAY;

        byte[] output = new byte[UpperBound(width, height)];
        fixed (byte* pixels = gray)
        {
            nuint size = (nuint)output.Length;
            int ok;
            fixed (byte* memory = output)
            {
                ok = png_image_write_to_memory(image, memory, ref size, 0, pixels, width, null);
            }

            if (ok == 0 && size > (nuint)output.Length)
            {
                // png.h: on failure with a grown size the buffer was merely too small; retry once with that size.
                output = new byte[(int)size];
                fixed (byte* memory = output)
                {
                    ok = png_image_write_to_memory(image, memory, ref size, 0, pixels, width, null);
                }
            }

            VerifyPng(ok, image, "png_image_write_to_memory");
            return output.AsSpan(0, (int)size).ToArray();
        }
    }

    /// <summary>PNG_IMAGE_PNG_SIZE_MAX from png.h 1.6.39 for a gray 8-bit image without colour map.</summary>
    private static long UpperBound(int width, int height)
    {
        long data = ((long)width * height) + height;                           // PNG_IMAGE_DATA_SIZE
        long compressed = data + ((data + 7) >> 3) + ((data + 63) >> 6) + 11;  // PNG_ZLIB_MAX_SIZE
        const long fixedChunks = 8 + 25 + 16 + 44 + 12 + 12;                   // sig, IHDR, gAMA, cHRM, IEND, IDAT
        return fixedChunks + (12 * (compressed / 8192)) + compressed;          // one IDAT per PNG_ZBUF_SIZE
    }
}
