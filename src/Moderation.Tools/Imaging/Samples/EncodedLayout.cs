using System.Buffers.Binary;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Where the compressed image data of a clean encoding lies, so that corruptions can target the body and
/// leave the headers intact.</summary>
internal static class EncodedLayout
{
    /// <summary>PNG: the data bytes of the first IDAT chunk (start, end exclusive).</summary>
    public static (int Start, int End) PngImageData(ReadOnlySpan<byte> png) => PngChunks.DataRanges(png, "IDAT")[0];

    /// <summary>PNG: the offset just past the last IDAT chunk's CRC (what remains is IEND and ancillary chunks).</summary>
    public static int PngImageDataEnd(ReadOnlySpan<byte> png) => PngChunks.DataRanges(png, "IDAT")[^1].End + 4;

    /// <summary>JPEG: the offset of the first entropy-coded byte, just past the SOS segment (ITU-T T.81 B.2.3);
    /// markers before it are walked by their 16-bit big-endian lengths.</summary>
    /// <exception cref="ArgumentException">No SOS segment.</exception>
    public static int JpegScanStart(ReadOnlySpan<byte> jpeg)
    {
        int offset = 2; // SOI
        while (offset + 4 <= jpeg.Length && jpeg[offset] == 0xFF)
        {
            byte marker = jpeg[offset + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 2)..]);
            if (marker == 0xDA)
            {
                return offset + 2 + length;
            }

            offset += 2 + length;
        }

        throw new ArgumentException("JPEG has no SOS segment.", nameof(jpeg));
    }

    /// <summary>JPEG: the offset of the baseline/extended/progressive SOF segment's marker (0xFFC0–0xFFC2); its
    /// height is at +5 and width at +7 (big-endian 16-bit, T.81 B.2.2).</summary>
    /// <exception cref="ArgumentException">No SOF0–SOF2 segment before SOS.</exception>
    public static int JpegFrameHeader(ReadOnlySpan<byte> jpeg)
    {
        int offset = 2;
        while (offset + 4 <= jpeg.Length && jpeg[offset] == 0xFF && jpeg[offset + 1] != 0xDA)
        {
            if (jpeg[offset + 1] is >= 0xC0 and <= 0xC2)
            {
                return offset;
            }

            offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 2)..]);
        }

        throw new ArgumentException("JPEG has no SOF0–SOF2 segment.", nameof(jpeg));
    }

    /// <summary>WebP: the offset just past the frame header of the first <c>VP8 </c> (10-byte frame tag, start code
    /// and size, RFC 6386 9.1) or <c>VP8L</c> (5-byte signature and size, RFC 9649 3.2) chunk.</summary>
    /// <exception cref="ArgumentException">Neither chunk is present.</exception>
    public static int WebPBitstreamStart(ReadOnlySpan<byte> webp)
    {
        int offset = 12; // "RIFF" size "WEBP"
        while (offset + 8 <= webp.Length)
        {
            ReadOnlySpan<byte> fourCc = webp.Slice(offset, 4);
            if (fourCc.SequenceEqual("VP8 "u8))
            {
                return offset + 8 + 10;
            }

            if (fourCc.SequenceEqual("VP8L"u8))
            {
                return offset + 8 + 5;
            }

            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp[(offset + 4)..]);
            offset += 8 + size + (size & 1);
        }

        throw new ArgumentException("WebP has no VP8 or VP8L chunk.", nameof(webp));
    }
}
