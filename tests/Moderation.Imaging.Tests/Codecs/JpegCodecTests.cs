using System.Buffers.Binary;
using Moderation.Core.Contracts;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests.Codecs;

public sealed class JpegCodecTests
{
    private readonly ImageDecoder decoder = new(new ImagingOptions());

    // Measured with libjpeg-turbo 2.1.5 (TurboJPEG, Y channel): max/mean |error| 1.0/0.05, 1.4/0.31, 1.3/0.38; with
    // SkiaSharp 4.156.1 (RGB, then BT.601): 1.0/0.05, 1.4/0.31, 1.37/0.38. The bounds leave head-room.
    // Rec. 709 weights instead of BT.601 would be off by up to 25 gray levels on the RGB fixtures.
    [Theory]
    [InlineData("gray-q95.jpg", "gray", 2, 0.2)]
    [InlineData("rgb420-q95.jpg", "rgb", 3, 0.6)]
    [InlineData("rgb444-progressive-q90.jpg", "rgb", 3, 0.7)]
    public void Decodes_cjpeg_fixture_to_bt601_luma(string file, string pattern, double maxError, double meanError)
    {
        GrayImage image = decoder.Decode(TestData.Fixture(file), "image/jpeg");

        FixtureAssert.Matches(image, FixtureAssert.Pattern(pattern), maxError, meanError);
    }

    // Skia decodes Adobe CMYK (before: dead-lettered as unsupported-type) and arithmetic-coded files to RGB; gray is
    // then BT.601 luma. Measured with SkiaSharp 4.156.1: max/mean |error| 1.97/0.47 (CMYK), 1.40/0.31 (arithmetic).
    [Theory]
    [InlineData("cmyk-q95.jpg", 3, 0.7)]
    [InlineData("rgb420-arithmetic.jpg", 3, 0.6)]
    public void Decodes_cmyk_and_arithmetic_coded_fixtures_to_bt601_luma(string file, double maxError, double meanError)
    {
        GrayImage image = decoder.Decode(TestData.Fixture(file), "image/jpeg");

        FixtureAssert.Matches(image, FixtureAssert.Pattern("rgb"), maxError, meanError);
    }

    [Theory]
    [InlineData(95, 3, 0.5)]
    [InlineData(75, 5, 1.0)]
    public void Round_trip_through_own_encoder_is_close(int quality, int maxError, double meanError)
    {
        const int width = 64, height = 48;
        byte[] source = TestData.Smooth(width, height);

        byte[] jpeg = ImageEncoder.EncodeJpeg(source, width, height, quality);
        GrayImage image = decoder.Decode(jpeg, "image/jpeg");

        Assert.Equal(ImageFormat.Jpeg, ImageFormatDetector.Detect(jpeg));
        Assert.Equal((width, height), (image.Width, image.Height));
        int[] errors = source.Zip(image.Pixels.ToArray(), (a, b) => Math.Abs(a - b)).ToArray();
        Assert.True(errors.Max() <= maxError, $"max |error| {errors.Max()}");
        Assert.True(errors.Average() <= meanError, $"mean |error| {errors.Average():F3}");
    }

    [Fact]
    public void Header_declaring_20000_squared_is_refused_as_too_many_pixels()
    {
        byte[] jpeg = ImageEncoder.EncodeJpeg(TestData.Smooth(16, 16), 16, 16);
        int sof = FindMarker(jpeg, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 20000); // height
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 20000); // width

        var rejected = TestData.Rejects(() => decoder.Decode(jpeg, "image/jpeg"));

        Assert.Equal(DeadLetterReasons.TooManyPixels, rejected.Reason);
        Assert.Contains("JPEG", rejected.Message);
    }

    [Fact]
    public void Unsupported_sample_precision_bit_flip_is_corrupt()
    {
        byte[] jpeg = ImageEncoder.EncodeJpeg(TestData.Smooth(16, 16), 16, 16);
        int sof = FindMarker(jpeg, 0xC0);
        jpeg[sof + 4] ^= 0x01; // precision 8 → 9

        var rejected = TestData.Rejects(() => decoder.Decode(jpeg, null));

        Assert.Equal(DeadLetterReasons.Corrupt, rejected.Reason);
        Assert.Contains("libjpeg-turbo", rejected.Message);
    }

    [Fact]
    public void Extraneous_bytes_before_a_marker_are_not_damage()
    {
        // libjpeg warns "Corrupt JPEG data: 3 extraneous bytes before marker 0xd9" (JWRN_EXTRANEOUS_DATA), as for many
        // camera files that browsers show: the image data itself is intact, so the post is scored, not dead-lettered.
        byte[] clean = ImageEncoder.EncodeJpeg(TestData.Smooth(32, 24), 32, 24);
        int eoi = clean.Length - 2;
        Assert.Equal((0xFF, 0xD9), (clean[eoi], clean[eoi + 1]));
        byte[] padded = [.. clean.AsSpan(0, eoi), 0x00, 0x12, 0x34, .. clean.AsSpan(eoi)];

        var expected = decoder.Decode(clean, "image/jpeg");
        var decoded = decoder.Decode(padded, "image/jpeg");

        Assert.Equal(expected.Pixels.ToArray(), decoded.Pixels.ToArray());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Truncated_file_is_corrupt(double keep)
    {
        byte[] jpeg = ImageEncoder.EncodeJpeg(TestData.Noise(64, 64, seed: 5), 64, 64);

        var rejected = TestData.Rejects(() => decoder.Decode(jpeg.AsSpan(0, (int)(jpeg.Length * keep)), null));

        Assert.Equal(DeadLetterReasons.Corrupt, rejected.Reason);
    }

    [Fact]
    public void Only_the_start_of_image_marker_is_corrupt()
    {
        Assert.Equal(DeadLetterReasons.Corrupt, TestData.Rejects(() => decoder.Decode(new byte[] { 0xFF, 0xD8, 0xFF }, null)).Reason);
    }

    /// <summary>Offset of the first marker FF <paramref name="code"/> (ITU-T T.81 B.1.1.2).</summary>
    internal static int FindMarker(byte[] jpeg, byte code)
    {
        for (int i = 2; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == code)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No FF{code:X2} marker.");
    }
}
