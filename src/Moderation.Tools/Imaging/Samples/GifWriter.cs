namespace Moderation.Tools.Imaging.Samples;

/// <summary>Writes a valid GIF89a of a gray image (GIF89a specification, W3C/CompuServe 1990): 256-entry gray global
/// colour table, one image, LZW data that emits every pixel as a literal 9-bit code and a clear code every 250 codes,
/// so the code width never grows (valid, if uncompressed, LZW).</summary>
internal static class GifWriter
{
    private const int ClearCode = 256;
    private const int EndCode = 257;
    private const int CodeBits = 9;
    private const int LiteralsPerClear = 250;

    public static byte[] Encode(ReadOnlySpan<byte> gray, int width, int height)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.Write([0xF7, 0, 0]); // global colour table of 2^(7+1) entries, 8-bit colour resolution; background 0; aspect 0
        for (int i = 0; i < 256; i++)
        {
            gif.Write([(byte)i, (byte)i, (byte)i]);
        }

        gif.WriteByte(0x2C); // image descriptor at (0,0), no local table, not interlaced
        WriteUInt16(gif, 0);
        WriteUInt16(gif, 0);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.WriteByte(0);
        gif.WriteByte(8);    // LZW minimum code size
        WriteSubBlocks(gif, Lzw(gray[..(width * height)]));
        gif.WriteByte(0x3B); // trailer
        return gif.ToArray();
    }

    /// <summary>Codes packed least-significant bit first (GIF89a Appendix F).</summary>
    private static byte[] Lzw(ReadOnlySpan<byte> pixels)
    {
        var packed = new List<byte>();
        int buffer = 0, bits = 0;
        void Emit(int code)
        {
            buffer |= code << bits;
            for (bits += CodeBits; bits >= 8; bits -= 8, buffer >>= 8)
            {
                packed.Add((byte)buffer);
            }
        }

        for (int i = 0; i < pixels.Length; i++)
        {
            if (i % LiteralsPerClear == 0)
            {
                Emit(ClearCode);
            }

            Emit(pixels[i]);
        }

        Emit(EndCode);
        if (bits > 0)
        {
            packed.Add((byte)buffer);
        }

        return [.. packed];
    }

    private static void WriteSubBlocks(Stream gif, ReadOnlySpan<byte> data)
    {
        for (int offset = 0; offset < data.Length; offset += 255)
        {
            int length = Math.Min(255, data.Length - offset);
            gif.WriteByte((byte)length);
            gif.Write(data.Slice(offset, length));
        }

        gif.WriteByte(0); // block terminator
    }

    private static void WriteUInt16(Stream stream, int value) => stream.Write([(byte)value, (byte)(value >> 8)]);
}
