using System.Buffers.Binary;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>Builds simple-format WebP files: RIFF header, <c>WEBP</c>, one chunk (RFC 9649 sections 2.4–2.5).</summary>
internal static class WebPContainer
{
    /// <summary>Wraps <paramref name="data"/> in one chunk (<c>VP8 </c> or <c>VP8L</c>), padded to an even size, with
    /// a RIFF size that matches.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> fourCc, ReadOnlySpan<byte> data)
    {
        int padded = data.Length + (data.Length & 1);
        byte[] file = new byte[20 + padded];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(12 + padded));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        fourCc.CopyTo(file.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), (uint)data.Length);
        data.CopyTo(file.AsSpan(20));
        return file;
    }

    /// <summary>The 5-byte VP8L header: signature 0x2F, then width−1 and height−1 in 14 bits each, the alpha hint and a
    /// 3-bit version 0, little-endian (RFC 9649 3.2). Sides 1–16384.</summary>
    public static byte[] LosslessHeader(int width, int height, bool alpha)
    {
        byte[] header = new byte[5];
        header[0] = 0x2F;
        uint bits = (uint)(width - 1) | ((uint)(height - 1) << 14) | ((alpha ? 1u : 0u) << 28);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(1), bits);
        return header;
    }
}
