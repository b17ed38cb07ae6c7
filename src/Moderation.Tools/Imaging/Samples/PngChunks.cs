using System.Buffers.Binary;
using System.Text;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Writes and walks PNG chunks (PNG spec, ISO/IEC 15948, sections 5.3–5.6): length, type, data, CRC-32.</summary>
internal static class PngChunks
{
    /// <summary>The 8-byte PNG signature (section 5.2).</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Signature plus IHDR: 8-bit depth, no interlace, the given colour type (0 gray, 2 RGB, 6 RGBA).</summary>
    public static byte[] Header(uint width, uint height, byte colorType)
    {
        byte[] ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = colorType;
        return [.. Signature, .. Chunk("IHDR", ihdr)];
    }

    /// <summary>One chunk: big-endian length, 4-letter type, data, CRC-32 of type and data (Annex D).</summary>
    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        byte[] chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The empty IEND chunk that ends every PNG.</summary>
    public static byte[] End() => Chunk("IEND", []);

    /// <summary>Offsets (start, end exclusive) of the data of every chunk of <paramref name="type"/>, in file order.</summary>
    /// <exception cref="ArgumentException">The chunk structure runs past the end of <paramref name="png"/>.</exception>
    public static List<(int Start, int End)> DataRanges(ReadOnlySpan<byte> png, string type)
    {
        var ranges = new List<(int, int)>();
        int offset = Signature.Length;
        while (offset + 12 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            if (length < 0 || offset + 12L + length > png.Length)
            {
                throw new ArgumentException($"PNG chunk at {offset} runs past the end.", nameof(png));
            }

            if (Encoding.ASCII.GetString(png.Slice(offset + 4, 4)) == type)
            {
                ranges.Add((offset + 8, offset + 8 + length));
            }

            offset += 12 + length;
        }

        return ranges;
    }

    /// <summary>CRC-32 (ISO 3309, reflected polynomial 0xEDB88320) as PNG spec Annex D computes it.</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        uint[] table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
