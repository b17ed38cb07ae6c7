using System.Buffers.Binary;
using Moderation.Core.Contracts;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests.Codecs;

public sealed class WebPCodecTests
{
    private readonly ImageDecoder decoder = new(new ImagingOptions());

    // Lossy bounds: libwebp 1.2.4 gave max/mean |error| 3.4/0.87 (rgb-q90) and 3.4/0.57 (rgba-q90); the tests pass
    // unchanged with Skia's libwebp.
    [Theory]
    [InlineData("gray-lossless.webp", "gray", 0, 0)]
    [InlineData("rgba-lossless.webp", "rgba", FixtureAssert.Rounded, 0.3)]
    [InlineData("rgb-q90.webp", "rgb", 6, 1.5)]
    [InlineData("rgba-q90.webp", "rgba", 6, 1.2)]
    public void Decodes_cwebp_fixture(string file, string pattern, double maxError, double meanError)
    {
        GrayImage image = decoder.Decode(TestData.Fixture(file), "image/webp");

        FixtureAssert.Matches(image, FixtureAssert.Pattern(pattern), maxError, meanError);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 23)]
    [InlineData(128, 96)]
    public void Lossless_round_trip_through_own_encoder_is_exact(int width, int height)
    {
        byte[] source = TestData.Noise(width, height, seed: width + height);

        byte[] webp = ImageEncoder.EncodeWebPLossless(source, width, height);
        GrayImage image = decoder.Decode(webp, "image/webp");

        Assert.Equal(ImageFormat.WebP, ImageFormatDetector.Detect(webp));
        Assert.Equal(source, image.Pixels.ToArray());
    }

    [Fact]
    public void Lossy_round_trip_through_own_encoder_is_close()
    {
        const int width = 64, height = 48;
        byte[] source = TestData.Smooth(width, height);

        GrayImage image = decoder.Decode(ImageEncoder.EncodeWebP(source, width, height, quality: 90), "image/webp");

        int[] errors = source.Zip(image.Pixels.ToArray(), (a, b) => Math.Abs(a - b)).ToArray();
        Assert.True(errors.Max() <= 8, $"max |error| {errors.Max()}");
        Assert.True(errors.Average() <= 1.5, $"mean |error| {errors.Average():F3}");
    }

    [Fact]
    public void Extended_header_declaring_20000_squared_is_refused_as_too_many_pixels()
    {
        var rejected = TestData.Rejects(() => decoder.Decode(Vp8x(20000, 20000, flags: 0), "image/webp"));

        Assert.Equal(DeadLetterReasons.TooManyPixels, rejected.Reason);
    }

    [Fact]
    public void Lossless_header_declaring_16384_squared_is_refused_as_too_many_pixels()
    {
        byte[] webp = ImageEncoder.EncodeWebPLossless(new byte[16 * 16], 16, 16);
        Assert.Equal(0x2F, webp[20]); // VP8L signature byte
        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(21));
        bits = (bits & ~0x0FFFFFFFu) | 16383u | (16383u << 14); // width-1, height-1 (14 bits each)
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(21), bits);

        Assert.Equal(DeadLetterReasons.TooManyPixels, TestData.Rejects(() => decoder.Decode(webp, null)).Reason);
    }

    [Fact]
    public void Animated_webp_is_unsupported()
    {
        var rejected = TestData.Rejects(() => decoder.Decode(Vp8x(40, 30, flags: 0x02), null));

        Assert.Equal(DeadLetterReasons.UnsupportedType, rejected.Reason);
    }

    [Fact]
    public void Bit_flip_in_lossless_signature_is_corrupt()
    {
        byte[] webp = ImageEncoder.EncodeWebPLossless(TestData.Noise(32, 32, seed: 2), 32, 32);
        webp[20] ^= 0x10;

        Assert.Equal(DeadLetterReasons.Corrupt, TestData.Rejects(() => decoder.Decode(webp, null)).Reason);
    }

    [Fact]
    public void Bit_flip_in_lossy_frame_start_code_is_corrupt()
    {
        byte[] webp = ImageEncoder.EncodeWebP(TestData.Smooth(32, 32), 32, 32, quality: 80);
        Assert.Equal((byte)0x9D, webp[23]); // VP8 key frame start code 9D 01 2A after the 3-byte frame tag
        webp[23] ^= 0x01;

        Assert.Equal(DeadLetterReasons.Corrupt, TestData.Rejects(() => decoder.Decode(webp, null)).Reason);
    }

    [Theory]
    [InlineData(true, 0.5)]
    [InlineData(false, 0.5)]
    [InlineData(false, 0.95)]
    public void Truncated_file_is_corrupt(bool lossless, double keep)
    {
        byte[] source = TestData.Noise(64, 64, seed: 9);
        byte[] webp = lossless ? ImageEncoder.EncodeWebPLossless(source, 64, 64) : ImageEncoder.EncodeWebP(source, 64, 64, 90);

        var rejected = TestData.Rejects(() => decoder.Decode(webp.AsSpan(0, (int)(webp.Length * keep)), null));

        Assert.Equal(DeadLetterReasons.Corrupt, rejected.Reason);
    }

    /// <summary>A RIFF/WEBP file holding only a VP8X chunk (WebP container spec, "Extended file format").</summary>
    private static byte[] Vp8x(int width, int height, byte flags)
    {
        byte[] webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), 22);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(16), 10);
        webp[20] = flags;
        WriteUInt24(webp.AsSpan(24), width - 1);
        WriteUInt24(webp.AsSpan(27), height - 1);
        return webp;
    }

    private static void WriteUInt24(Span<byte> destination, int value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)(value >> 16);
    }
}
