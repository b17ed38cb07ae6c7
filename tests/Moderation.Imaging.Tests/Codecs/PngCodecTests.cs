using Moderation.Core.Contracts;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests.Codecs;

public sealed class PngCodecTests
{
    private readonly ImageDecoder decoder = new(new ImagingOptions());

    [Theory]
    [InlineData("gray8.png", "gray", 0)]
    [InlineData("gray8-adam7.png", "gray", 0)]
    [InlineData("gray16.png", "gray", 0)]
    [InlineData("graya8.png", "graya", FixtureAssert.Rounded)]
    [InlineData("rgb8.png", "rgb", FixtureAssert.Rounded)]
    [InlineData("rgb8-pngcrush.png", "rgb", FixtureAssert.Rounded)]
    [InlineData("rgba8.png", "rgba", FixtureAssert.Rounded)]
    [InlineData("palette2-trns.png", "palette", FixtureAssert.Rounded)]
    public void Decodes_independently_encoded_fixture(string file, string pattern, double maxError)
    {
        GrayImage image = decoder.Decode(TestData.Fixture(file), "image/png");

        FixtureAssert.Matches(image, FixtureAssert.Pattern(pattern), maxError);
    }

    [Fact]
    public void Transparent_pixels_become_white_and_opaque_pixels_keep_their_luma()
    {
        GrayImage image = decoder.Decode(TestData.Fixture("rgba8.png"), null);

        Assert.Equal(0, FixturePatterns.Alpha(0, 0));
        Assert.Equal(255, image[0, 0]);
        Assert.Equal(255, FixturePatterns.Alpha(39, 29));
        (int r, int g, int b) = FixturePatterns.Rgb(39, 29);
        Assert.Equal((int)Math.Round(FixturePatterns.Luma(r, g, b)), image[39, 29]);
    }

    [Fact]
    public void Palette_entry_with_zero_alpha_is_white()
    {
        GrayImage image = decoder.Decode(TestData.Fixture("palette2-trns.png"), null);

        Assert.Equal(3, FixturePatterns.PaletteIndex(10, 20));
        Assert.Equal(255, image[10, 20]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 23)]
    [InlineData(300, 7)]
    [InlineData(128, 128)]
    public void Round_trip_through_own_encoder_is_exact(int width, int height)
    {
        byte[] source = TestData.Noise(width, height, seed: width * 1000 + height);

        byte[] png = ImageEncoder.EncodePng(source, width, height);
        GrayImage image = decoder.Decode(png, "image/png");

        Assert.Equal(ImageFormat.Png, ImageFormatDetector.Detect(png));
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(source, image.Pixels.ToArray());
    }

    [Fact]
    public void Header_bomb_without_pixel_data_is_refused_as_too_many_pixels_before_allocating()
    {
        byte[] bomb = PngBytes.Build(20000, 20000, colorType: 2, idat: null);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var rejected = TestData.Rejects(() => decoder.Decode(bomb, "image/png"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DeadLetterReasons.TooManyPixels, rejected.Reason);
        Assert.Contains("20000×20000", rejected.Message);
        Assert.True(allocated < 256 * 1024, $"allocated {allocated} bytes while refusing a bomb");
    }

    [Fact]
    public void Real_deflate_bomb_is_refused_as_too_many_pixels()
    {
        // 20000×20000 gray: the first 64 rows of zeros really deflated; the decoder must not try to inflate it.
        byte[] rows = new byte[64 * 20001];
        byte[] bomb = PngBytes.Build(20000, 20000, colorType: 0, idat: PngBytes.Deflate(rows));

        Assert.Equal(DeadLetterReasons.TooManyPixels, TestData.Rejects(() => decoder.Decode(bomb, null)).Reason);
    }

    [Fact]
    public void Side_longer_than_max_side_is_refused_even_with_few_pixels()
    {
        byte[] strip = PngBytes.Build(20000, 1, colorType: 0, idat: PngBytes.Deflate(new byte[20001]));

        var rejected = TestData.Rejects(() => decoder.Decode(strip, null));

        Assert.Equal(DeadLetterReasons.TooManyPixels, rejected.Reason);
        Assert.Contains("16384", rejected.Message);
    }

    [Fact]
    public void Crafted_small_png_decodes_so_the_crafting_helper_is_valid()
    {
        byte[] rows = [0, 10, 20, 30, 0, 40, 50, 60];
        GrayImage image = decoder.Decode(PngBytes.Build(3, 2, colorType: 0, idat: PngBytes.Deflate(rows)), null);

        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60 }, image.Pixels.ToArray());
    }
}
