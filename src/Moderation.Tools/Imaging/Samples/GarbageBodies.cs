namespace Moderation.Tools.Imaging.Samples;

/// <summary>Files with valid headers for a 28×28 image followed by random bytes where the compressed data belongs.</summary>
internal static class GarbageBodies
{
    /// <summary>Signature, IHDR (28×28 gray), one IDAT of 16–512 random bytes with a correct CRC, IEND.</summary>
    public static byte[] Png(Random random) =>
        [.. PngChunks.Header(MalformedPayloads.ImageSide, MalformedPayloads.ImageSide, colorType: 0),
         .. PngChunks.Chunk("IDAT", RandomBytes(random, 16, 513)), .. PngChunks.End()];

    /// <summary>The clean JPEG's markers through SOS, 16–512 random scan bytes, EOI.</summary>
    public static byte[] Jpeg(byte[] validJpeg, Random random) =>
        [.. validJpeg.AsSpan(0, EncodedLayout.JpegScanStart(validJpeg)), .. RandomBytes(random, 16, 513), 0xFF, 0xD9];

    /// <summary>RIFF/WEBP, a VP8L chunk with a valid 28×28 header, then 16–512 random bytes.</summary>
    public static byte[] WebP(Random random) =>
        WebPContainer.Wrap("VP8L"u8,
            [.. WebPContainer.LosslessHeader(MalformedPayloads.ImageSide, MalformedPayloads.ImageSide, alpha: false),
             .. RandomBytes(random, 16, 513)]);

    private static byte[] RandomBytes(Random random, int minLength, int maxLength)
    {
        byte[] bytes = new byte[random.Next(minLength, maxLength)];
        random.NextBytes(bytes);
        return bytes;
    }
}
