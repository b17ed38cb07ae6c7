namespace Moderation.Imaging.Tests;

public sealed class ImageEncoderTests
{
    [Fact]
    public void Png_of_incompressible_noise_fits_the_precomputed_bound_and_round_trips()
    {
        byte[] source = TestData.Noise(513, 257, seed: 1);

        byte[] png = ImageEncoder.EncodePng(source, 513, 257);

        Assert.Equal(source, new ImageDecoder(new ImagingOptions()).Decode(png, null).Pixels.ToArray());
    }

    [Fact]
    public void Higher_jpeg_quality_gives_larger_files()
    {
        byte[] source = TestData.Noise(64, 64, seed: 2);

        Assert.True(ImageEncoder.EncodeJpeg(source, 64, 64, 95).Length > ImageEncoder.EncodeJpeg(source, 64, 64, 20).Length);
    }

    [Fact]
    public void Arguments_are_validated_before_any_native_call()
    {
        byte[] pixels = new byte[16];

        Assert.Throws<ArgumentException>(() => ImageEncoder.EncodePng(pixels, 5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageEncoder.EncodePng(pixels, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageEncoder.EncodeJpeg(pixels, 4, 4, quality: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageEncoder.EncodeJpeg(pixels, 4, 4, quality: 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageEncoder.EncodeWebP(pixels, 4, 4, quality: float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageEncoder.EncodeWebPLossless(new byte[16384], 16384, 1));
    }
}
