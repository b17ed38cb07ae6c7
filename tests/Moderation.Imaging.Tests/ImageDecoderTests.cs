using Moderation.Core.Contracts;

namespace Moderation.Imaging.Tests;

public sealed class ImageDecoderTests
{
    private readonly ImageDecoder decoder = new(new ImagingOptions());

    [Fact]
    public void Empty_bytes_are_rejected_as_empty()
    {
        var rejected = TestData.Rejects(() => decoder.Decode([], "image/png"));

        Assert.Equal(DeadLetterReasons.Empty, rejected.Reason);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/gif")]
    [InlineData("application/octet-stream")]
    [InlineData("image/pngx")]
    public void Content_type_other_than_jpeg_png_webp_is_unsupported_even_for_valid_bytes(string contentType)
    {
        var rejected = TestData.Rejects(() => decoder.Decode(TestData.Fixture("gray8.png"), contentType));

        Assert.Equal(DeadLetterReasons.UnsupportedType, rejected.Reason);
        Assert.Contains(contentType, rejected.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("IMAGE/PNG")]
    [InlineData("image/png; charset=binary")]
    [InlineData("image/jpeg")] // magic bytes, not the header, pick the codec
    public void Absent_or_supported_content_type_is_accepted_and_magic_bytes_decide(string? contentType)
    {
        GrayImage image = decoder.Decode(TestData.Fixture("gray8.png"), contentType);

        Assert.Equal(FixturePatterns.Gray(39, 29), image[39, 29]);
    }

    [Fact]
    public void Unknown_magic_bytes_are_unsupported()
    {
        byte[] gif = "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray();

        var rejected = TestData.Rejects(() => decoder.Decode(gif, "image/png"));

        Assert.Equal(DeadLetterReasons.UnsupportedType, rejected.Reason);
        Assert.Contains("474946383961", rejected.Message);
    }

    [Fact]
    public void Bytes_over_max_encoded_bytes_are_too_large()
    {
        var small = new ImageDecoder(new ImagingOptions { MaxEncodedBytes = 1000 });
        byte[] png = TestData.Fixture("rgba8.png");
        Assert.True(png.Length > 1000);

        var rejected = TestData.Rejects(() => small.Decode(png, "image/png"));

        Assert.Equal(DeadLetterReasons.TooLarge, rejected.Reason);
    }

    [Theory]
    [InlineData("rgb8.png")]
    [InlineData("gray8-adam7.png")]
    [InlineData("rgb420-q95.jpg")]
    [InlineData("rgb-q90.webp")]
    [InlineData("rgba-lossless.webp")]
    public void Decodable_image_over_max_pixels_is_refused_for_every_codec(string file)
    {
        var tiny = new ImageDecoder(new ImagingOptions { MaxPixels = (40 * 30) - 1 });

        var rejected = TestData.Rejects(() => tiny.Decode(TestData.Fixture(file), null));

        Assert.Equal(DeadLetterReasons.TooManyPixels, rejected.Reason);
        Assert.Contains("40×30", rejected.Message);
    }

    [Theory]
    [InlineData("rgb8.png")]
    [InlineData("rgb420-q95.jpg")]
    [InlineData("rgb-q90.webp")]
    public void Decodable_image_with_a_side_over_max_side_is_refused(string file)
    {
        var narrow = new ImageDecoder(new ImagingOptions { MaxSide = 39 });

        Assert.Equal(DeadLetterReasons.TooManyPixels, TestData.Rejects(() => narrow.Decode(TestData.Fixture(file), null)).Reason);
    }

    [Fact]
    public void Limits_are_inclusive()
    {
        var exact = new ImageDecoder(new ImagingOptions { MaxPixels = 40 * 30, MaxSide = 40, MaxEncodedBytes = TestData.Fixture("rgb8.png").Length });

        Assert.Equal(40, exact.Decode(TestData.Fixture("rgb8.png"), null).Width);
    }
}
