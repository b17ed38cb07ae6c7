using Moderation.Tools.Imaging;
namespace Moderation.Imaging.Tests;

public sealed class ImageEncoderTests
{
    [Fact]
    public void Png_of_incompressible_noise_round_trips()
    {
        byte[] source = TestData.Noise(513, 257, seed: 1);

        byte[] png = ImageEncoder.EncodePng(source, 513, 257);

        Assert.Equal(source, new ImageDecoder(new ImagingOptions()).Decode(png, null).Pixels.ToArray());
    }

    [Fact]
    public void Jpeg_is_baseline_with_one_gray_component()
    {
        byte[] jpeg = ImageEncoder.EncodeJpeg(TestData.Smooth(32, 24), 32, 24);

        int sof = Codecs.JpegCodecTests.FindMarker(jpeg, 0xC0); // SOF0: baseline (ITU-T T.81 B.2.2)
        Assert.Equal((24, 32), (jpeg[sof + 5] << 8 | jpeg[sof + 6], jpeg[sof + 7] << 8 | jpeg[sof + 8]));
        Assert.Equal(1, jpeg[sof + 9]); // Nf: one component
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
