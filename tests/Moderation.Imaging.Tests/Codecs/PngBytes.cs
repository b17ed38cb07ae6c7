using System.IO.Compression;
using Moderation.Tools.Imaging.Samples;

namespace Moderation.Imaging.Tests.Codecs;

/// <summary>Hand-built PNG streams (PNG spec, ISO/IEC 15948): signature, IHDR, optional IDAT, IEND, with real CRCs
/// (the chunks are written by <see cref="PngChunks"/>).</summary>
internal static class PngBytes
{
    public static readonly byte[] Signature = PngChunks.Signature.ToArray();

    public static byte[] Build(int width, int height, byte colorType, byte[]? idat)
    {
        // IHDR takes the widths as unsigned; a negative test width keeps its bit pattern, as the old writer did.
        byte[] header = PngChunks.Header(unchecked((uint)width), unchecked((uint)height), colorType);
        return idat is null ? header : [.. header, .. Chunk("IDAT", idat), .. PngChunks.End()];
    }

    public static byte[] Chunk(string type, byte[] data) => PngChunks.Chunk(type, data);

    public static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }
}
