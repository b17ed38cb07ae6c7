using System.Buffers.Binary;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Codecs;

/// <summary>The few header fields read before Skia sees the file, so that a file holding nothing but a header is
/// still refused for what the header declares: a PNG or extended WebP that declares too many pixels is
/// <c>too-many-pixels</c>, an animated WebP <c>unsupported-type</c>, even where the rest of the file is missing and
/// <see cref="SkiaSharp.SKCodec"/> cannot be created. Everything else is left to Skia.</summary>
internal static class ContainerHeader
{
    /// <summary>Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).</summary>
    private const int PngIhdrPrefix = 24;

    /// <summary>"RIFF" size "WEBP" (12) + "VP8X" size (8) + flags (4) + canvas width−1 and height−1 (3 + 3).</summary>
    private const int WebPExtendedPrefix = 30;

    /// <summary>Animation flag of the VP8X flags byte (RFC 9649 section 2.7).</summary>
    private const byte WebPAnimationFlag = 0x02;

    /// <summary>Checks what the header declares against <paramref name="limits"/>.</summary>
    /// <exception cref="ImageRejectedException"><c>corrupt</c> (a PNG without a complete IHDR first: PNG spec, ISO/IEC
    /// 15948, 5.6), <c>too-many-pixels</c>, or <c>unsupported-type</c> (the VP8X animation flag).</exception>
    public static void Verify(ReadOnlySpan<byte> data, ImageFormat format, ImageLimits limits)
    {
        if (format == ImageFormat.Png)
        {
            if (data.Length < PngIhdrPrefix || BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != 13 || !data[12..16].SequenceEqual("IHDR"u8))
            {
                throw new ImageRejectedException(DeadLetterReasons.Corrupt, "PNG does not start with a complete IHDR chunk.");
            }

            limits.Verify(BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..]), "PNG");
        }
        else if (format == ImageFormat.WebP && data.Length >= WebPExtendedPrefix && data[12..16].SequenceEqual("VP8X"u8))
        {
            limits.Verify(ReadUInt24(data[24..]) + 1L, ReadUInt24(data[27..]) + 1L, "WebP");
            if ((data[20] & WebPAnimationFlag) != 0)
            {
                throw new ImageRejectedException(DeadLetterReasons.UnsupportedType, "Animated WebP is not supported.");
            }
        }
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
