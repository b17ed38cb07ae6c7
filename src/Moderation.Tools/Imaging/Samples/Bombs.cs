using System.Buffers.Binary;
using System.IO.Compression;
using Moderation.Imaging;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Decompression bombs: files whose headers declare far more pixels than the limits allow. The guard must
/// refuse them from the header, before a pixel buffer is allocated or any data is inflated.</summary>
internal static class Bombs
{
    /// <summary>Side of the deflate and WebP bombs: 16384, the largest side VP8L can declare (RFC 9649 3.2) and
    /// 268,435,456 pixels, more than any <see cref="ImagingOptions"/> accepts together with MaxSide ≥ 16384.</summary>
    public const int Side = 16384;

    private static readonly Lazy<byte[]> DeflateBomb = new(BuildDeflateBomb);

    /// <summary>Signature and IHDR only, 20000–40000 a side (≥ 4·10⁸ pixels), gray, RGB or RGBA.</summary>
    public static byte[] PngHeader(Random random)
    {
        byte colorType = random.GetItems<byte>([0, 2, 6], 1)[0];
        return PngChunks.Header((uint)random.Next(20_000, 40_001), (uint)random.Next(20_000, 40_001), colorType);
    }

    /// <summary>A complete, valid 16384×16384 8-bit gray PNG of zeros (filter type 0 on every row): 268,451,840 bytes
    /// of scanlines deflated to about 260 KB. Built once per process (about a second), then shared.</summary>
    public static byte[] PngDeflate() => DeflateBomb.Value;

    /// <summary>A valid JPEG with its SOF height and width patched to 40000–65500 (65500 is libjpeg's
    /// JPEG_MAX_DIMENSION, so the header itself is accepted by libjpeg); the scan data still encodes the small image.</summary>
    public static byte[] JpegHeader(byte[] validJpeg, Random random)
    {
        byte[] bomb = (byte[])validJpeg.Clone();
        int sof = EncodedLayout.JpegFrameHeader(bomb);
        BinaryPrimitives.WriteUInt16BigEndian(bomb.AsSpan(sof + 5), (ushort)random.Next(40_000, 65_501));
        BinaryPrimitives.WriteUInt16BigEndian(bomb.AsSpan(sof + 7), (ushort)random.Next(40_000, 65_501));
        return bomb;
    }

    /// <summary>A lossless WebP whose VP8L header declares 16384×16384, followed by 16–64 random bytes.</summary>
    public static byte[] WebPHeader(Random random)
    {
        byte[] tail = new byte[random.Next(16, 65)];
        random.NextBytes(tail);
        return WebPContainer.Wrap("VP8L"u8, [.. WebPContainer.LosslessHeader(Side, Side, alpha: random.Next(2) == 0), .. tail]);
    }

    private static byte[] BuildDeflateBomb()
    {
        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] row = new byte[1 + Side]; // filter byte 0 (None), then 16384 zero samples
            for (int y = 0; y < Side; y++)
            {
                zlib.Write(row);
            }
        }

        return [.. PngChunks.Header(Side, Side, colorType: 0), .. PngChunks.Chunk("IDAT", idat.ToArray()), .. PngChunks.End()];
    }
}
