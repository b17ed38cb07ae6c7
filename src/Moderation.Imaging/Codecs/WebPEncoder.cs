using System.Buffers;
using Moderation.Imaging.Interop;
using static Moderation.Imaging.Interop.NativeMethods;

namespace Moderation.Imaging.Codecs;

/// <summary>Gray images as WebP through libwebp's one-call encoders (R = G = B = gray; WebP has no gray mode).</summary>
internal static unsafe class WebPEncoder
{
    /// <summary>Encodes <paramref name="gray"/> (width·height bytes): lossy VP8 at <paramref name="quality"/> (0–100),
    /// or lossless VP8L when it is null.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> gray, int width, int height, float? quality)
    {
        int count = width * height;
        byte[] rgb = ArrayPool<byte>.Shared.Rent(checked(count * 3));
        try
        {
            for (int i = 0; i < count; i++)
            {
                rgb[3 * i] = rgb[(3 * i) + 1] = rgb[(3 * i) + 2] = gray[i];
            }

            nint output;
            nuint size;
            fixed (byte* pixels = rgb)
            {
                size = quality is float q
                    ? WebPEncodeRGB(pixels, width, height, width * 3, q, out output)
                    : WebPEncodeLosslessRGB(pixels, width, height, width * 3, out output);
            }

            using var memory = new WebPMemoryHandle(output);
            VerifyWebP(size != 0 ? WebPStatus.Ok : WebPStatus.BitstreamError, quality is null ? "WebPEncodeLosslessRGB" : "WebPEncodeRGB");
            return new ReadOnlySpan<byte>((void*)output, checked((int)size)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgb);
        }
    }
}
