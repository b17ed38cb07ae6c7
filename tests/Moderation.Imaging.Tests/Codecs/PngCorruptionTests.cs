using Moderation.Core.Contracts;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests.Codecs;

public sealed class PngCorruptionTests
{
    private readonly ImageDecoder decoder = new(new ImagingOptions());

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Truncated_pixel_data_is_corrupt(double keep)
    {
        byte[] png = ImageEncoder.EncodePng(TestData.Noise(64, 64, seed: 3), 64, 64);

        var rejected = TestData.Rejects(() => decoder.Decode(png.AsSpan(0, (int)(png.Length * keep)), "image/png"));

        Assert.Equal(DeadLetterReasons.Corrupt, rejected.Reason);
        Assert.Contains("libpng", rejected.Message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    public void Truncated_header_is_corrupt(int keep)
    {
        byte[] png = ImageEncoder.EncodePng(TestData.Noise(8, 8, seed: 3), 8, 8);

        Assert.Equal(DeadLetterReasons.Corrupt, TestData.Rejects(() => decoder.Decode(png.AsSpan(0, keep), null)).Reason);
    }

    [Fact]
    public void Bit_flip_in_compressed_pixel_data_is_corrupt()
    {
        byte[] png = ImageEncoder.EncodePng(TestData.Noise(64, 64, seed: 4), 64, 64);
        png[png.Length / 2] ^= 0x04; // inside the IDAT payload: its CRC no longer matches

        var rejected = TestData.Rejects(() => decoder.Decode(png, null));

        Assert.Equal(DeadLetterReasons.Corrupt, rejected.Reason);
    }

    [Fact]
    public void Garbage_after_a_valid_signature_is_corrupt()
    {
        byte[] garbage = [.. PngBytes.Signature, .. TestData.Noise(200, 1, seed: 11)];

        Assert.Equal(DeadLetterReasons.Corrupt, TestData.Rejects(() => decoder.Decode(garbage, "image/png")).Reason);
    }

    [Fact]
    public void Valid_header_with_garbage_pixel_data_is_corrupt()
    {
        byte[] png = PngBytes.Build(16, 16, colorType: 0, idat: TestData.Noise(300, 1, seed: 12));

        var rejected = TestData.Rejects(() => decoder.Decode(png, "image/png"));

        Assert.Equal(DeadLetterReasons.Corrupt, rejected.Reason);
        Assert.Contains("libpng", rejected.Message);
    }
}
