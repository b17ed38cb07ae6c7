namespace Moderation.Imaging.Tests;

public sealed class ImageFormatDetectorTests
{
    [Theory]
    [InlineData("gray8.png", ImageFormat.Png)]
    [InlineData("gray-q95.jpg", ImageFormat.Jpeg)]
    [InlineData("rgb-q90.webp", ImageFormat.WebP)]
    [InlineData("rgba-q90.webp", ImageFormat.WebP)]
    public void Detects_fixture_formats_by_magic_bytes(string file, ImageFormat expected)
    {
        Assert.Equal(expected, ImageFormatDetector.Detect(TestData.Fixture(file)));
    }

    [Fact]
    public void Short_or_foreign_prefixes_are_unknown()
    {
        Assert.Equal(ImageFormat.Unknown, ImageFormatDetector.Detect([]));
        Assert.Equal(ImageFormat.Unknown, ImageFormatDetector.Detect([0x89, 0x50, 0x4E, 0x47]));
        Assert.Equal(ImageFormat.Unknown, ImageFormatDetector.Detect([0xFF, 0xD8]));
        Assert.Equal(ImageFormat.Unknown, ImageFormatDetector.Detect("RIFF\0\0\0\0WAVE"u8));
        Assert.Equal(ImageFormat.Unknown, ImageFormatDetector.Detect("GIF89a"u8));
    }

    [Theory]
    [InlineData("image/jpeg", ImageFormat.Jpeg)]
    [InlineData(" Image/PNG ", ImageFormat.Png)]
    [InlineData("image/webp;q=0.9", ImageFormat.WebP)]
    [InlineData("image/jpg", ImageFormat.Unknown)]
    [InlineData("image/gif", ImageFormat.Unknown)]
    [InlineData("", ImageFormat.Unknown)]
    public void Parses_content_types(string contentType, ImageFormat expected)
    {
        Assert.Equal(expected, ImageFormatDetector.FromContentType(contentType));
    }

    [Fact]
    public void Content_type_of_each_format_parses_back()
    {
        foreach (ImageFormat format in new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP })
        {
            Assert.Equal(format, ImageFormatDetector.FromContentType(ImageFormatDetector.ContentTypeOf(format)));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFormatDetector.ContentTypeOf(ImageFormat.Unknown));
    }
}
