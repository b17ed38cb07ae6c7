using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using Moderation.Core.Contracts;
using Moderation.Tools.Imaging.Samples;
using Moderation.Tools.Imaging;
using static Moderation.Tools.Imaging.Samples.MalformedPayloadKinds;

namespace Moderation.Imaging.Tests.Samples;

/// <summary>Each kind is what its name says, checked against clean encodings made here with <see cref="ImageEncoder"/>.</summary>
public sealed class MalformedPayloadShapesTests
{
    private static readonly byte[] Image = TestData.FashionMnist(1);
    private static readonly byte[] CleanPng = ImageEncoder.EncodePng(Image, 28, 28);
    private static readonly byte[] CleanJpeg = ImageEncoder.EncodeJpeg(Image, 28, 28, quality: 90);
    private static readonly byte[] CleanWebP = ImageEncoder.EncodeWebP(Image, 28, 28, quality: 90f);
    private static readonly byte[] CleanWebPLossless = ImageEncoder.EncodeWebPLossless(Image, 28, 28);

    [Fact]
    public void Truncations_are_strict_prefixes_that_keep_the_magic_bytes()
    {
        foreach ((string kind, byte[][] cleans, int magic) in new[]
        {
            (TruncatedPng, new[] { CleanPng }, 8), (TruncatedJpeg, [CleanJpeg], 3), (TruncatedWebP, [CleanWebP, CleanWebPLossless], 12),
        })
        {
            Assert.All(Generate(kind, 30), p =>
            {
                Assert.InRange(p.Bytes.Length, magic, int.MaxValue);
                Assert.Contains(cleans, c => p.Bytes.Length < c.Length && c.AsSpan().StartsWith(p.Bytes));
            });
        }
    }

    [Fact]
    public void Bit_flips_change_one_to_four_bits_after_the_headers()
    {
        int pngBody = CleanPng.AsSpan().IndexOf("IDAT"u8) + 4;
        int jpegSos = CleanJpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        int jpegBody = jpegSos + 2 + BinaryPrimitives.ReadUInt16BigEndian(CleanJpeg.AsSpan(jpegSos + 2));
        foreach ((string kind, (byte[] Clean, int Body)[] cleans) in new[]
        {
            (BitFlippedPng, new[] { (CleanPng, pngBody) }), (BitFlippedJpeg, [(CleanJpeg, jpegBody)]),
            (BitFlippedWebP, [(CleanWebP, 20 + 10), (CleanWebPLossless, 20 + 5)]),
        })
        {
            Assert.All(Generate(kind, 30), p =>
            {
                (byte[] clean, int body) = Assert.Single(cleans, c => c.Clean.Length == p.Bytes.Length && DifferingBits(c.Clean, p.Bytes) <= 4);
                Assert.InRange(DifferingBits(clean, p.Bytes), 1, 4);
                Assert.InRange(clean.AsSpan().CommonPrefixLength(p.Bytes), body, clean.Length - 1);
            });
        }
    }

    [Fact]
    public void Garbage_bodies_keep_valid_headers_of_a_28x28_image()
    {
        int jpegHeaders = CleanJpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]) + 2 + 8; // SOS of one component: length 8
        Assert.All(Generate(GarbageBodyPng, 10), p => Assert.Equal(CleanPng[..33], p.Bytes[..33])); // signature + IHDR
        Assert.All(Generate(GarbageBodyJpeg, 10), p =>
        {
            Assert.Equal(CleanJpeg[..jpegHeaders], p.Bytes[..jpegHeaders]);
            Assert.Equal([0xFF, 0xD9], p.Bytes[^2..]);
        });
        Assert.All(Generate(GarbageBodyWebP, 10), p =>
        {
            Assert.Equal("RIFF"u8.ToArray(), p.Bytes[..4]);
            Assert.Equal(p.Bytes.Length - 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(p.Bytes.AsSpan(4)));
            Assert.Equal("WEBPVP8L"u8.ToArray(), p.Bytes[8..16]);
            Assert.Equal((28, 28), Vp8LSize(p.Bytes));
        });
    }

    [Fact]
    public void Header_bombs_declare_hundreds_of_millions_of_pixels_in_a_few_bytes()
    {
        Assert.All(Generate(PngHeaderBomb, 10), p =>
        {
            Assert.Equal(33, p.Bytes.Length);
            Assert.InRange((long)PngSide(p.Bytes, 16) * PngSide(p.Bytes, 20), 400_000_000L, long.MaxValue);
        });
        Assert.All(Generate(JpegHeaderBomb, 10), p =>
        {
            int sof = CleanJpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
            Assert.Equal(CleanJpeg.Length, p.Bytes.Length);
            Assert.InRange(BinaryPrimitives.ReadUInt16BigEndian(p.Bytes.AsSpan(sof + 5)), 40_000, 65_500);
            Assert.InRange(BinaryPrimitives.ReadUInt16BigEndian(p.Bytes.AsSpan(sof + 7)), 40_000, 65_500);
        });
        Assert.All(Generate(WebPHeaderBomb, 10), p => Assert.Equal((16384, 16384), Vp8LSize(p.Bytes)));
    }

    [Fact]
    public void The_deflate_bomb_is_a_real_16384_squared_png_of_zeros_under_300_kb()
    {
        byte[] bomb = Assert.Single(Generate(PngDeflateBomb, 1)).Bytes;

        Assert.Equal((16384, 16384), (PngSide(bomb, 16), PngSide(bomb, 20)));
        Assert.InRange(bomb.Length, 1, 300_000);
        int idat = bomb.AsSpan().IndexOf("IDAT"u8);
        using var zlib = new ZLibStream(new MemoryStream(bomb, idat + 4, BinaryPrimitives.ReadInt32BigEndian(bomb.AsSpan(idat - 4))),
            CompressionMode.Decompress);
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        for (int read; (read = zlib.Read(buffer)) > 0; total += read)
        {
            Assert.False(buffer.AsSpan(0, read).ContainsAnyExcept((byte)0));
        }

        Assert.Equal(16384L * (16384 + 1), total); // a filter byte and 16384 samples per row
    }

    [Fact]
    public void The_gif_decodes_back_to_the_image_with_a_gray_palette()
    {
        MalformedPayload gif = Generate(Gif, 1)[0];

        (int width, int height, byte[] palette, byte[] indices) = GifDecoder.Decode(gif.Bytes);

        Assert.Equal((28, 28), (width, height));
        Assert.Equal(Enumerable.Range(0, 768).Select(i => (byte)(i / 3)), palette);
        Assert.Equal(Image, indices);
        Assert.Contains(gif.ContentType, new[] { "image/gif", null });
    }

    [Fact]
    public void Over_size_payloads_are_valid_pngs_just_over_the_default_10_mib()
    {
        MalformedPayload payload = Assert.Single(MalformedPayloads.Generate(1, 4, Image, kinds: [OverSize]));
        const int limit = 10 * 1024 * 1024;

        Assert.InRange(payload.Bytes.Length, limit + 1, limit + 4096);
        Assert.Equal(DeadLetterReasons.TooLarge,
            TestData.Rejects(() => new ImagePreprocessor().Preprocess(payload.Bytes, payload.ContentType, new float[784])).Reason);
        GrayImage decoded = new ImageDecoder(new ImagingOptions { MaxEncodedBytes = 2 * limit }).Decode(payload.Bytes, payload.ContentType);
        Assert.Equal(Image, decoded.Pixels.ToArray());
    }

    [Fact]
    public void Empty_payloads_have_no_bytes_and_wrong_types_carry_a_non_image_content_type()
    {
        Assert.All(Generate(Empty, 10), p => Assert.Empty(p.Bytes));
        Assert.All(Generate(WrongContentType, 20), p =>
        {
            Assert.Contains(p.Bytes, (IEnumerable<byte[]>)[CleanPng, CleanJpeg, CleanWebP, CleanWebPLossless]);
            Assert.Equal(ImageFormat.Unknown, ImageFormatDetector.FromContentType(p.ContentType!));
        });
    }

    private static List<MalformedPayload> Generate(string kind, int count) =>
        [.. MalformedPayloads.Generate(count, seed: 9, Image, MalformedPayloadsTests.Limits, [kind])];

    private static int DifferingBits(byte[] a, byte[] b) =>
        a.Zip(b).Sum(pair => BitOperations.PopCount((uint)(pair.First ^ pair.Second)));

    private static int PngSide(byte[] png, int offset) => BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));

    /// <summary>Width and height from the VP8L header at offset 20 (RFC 9649 3.2).</summary>
    private static (int, int) Vp8LSize(byte[] webp)
    {
        Assert.Equal(0x2F, webp[20]);
        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(21));
        return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
    }
}
