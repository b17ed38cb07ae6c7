using Moderation.Tools.Imaging.Samples;

namespace Moderation.Imaging.Tests.Codecs;

public sealed class SkiaCodecTests
{
    [Fact]
    public void Decoding_every_format_loads_no_system_image_codec_library()
    {
        var decoder = new ImageDecoder(new ImagingOptions());
        foreach (string file in new[] { "rgb420-q95.jpg", "cmyk-q95.jpg", "rgba8.png", "rgba-q90.webp", "rgba-lossless.webp" })
        {
            decoder.Decode(TestData.Fixture(file), null);
        }

        // Skia's codecs are linked into libSkiaSharp.so; Debian's libturbojpeg0, libjpeg62-turbo, libpng16-16 and
        // libwebp7 (which the old P/Invoke bindings loaded) must not be mapped into this process.
        string[] mapped = [.. File.ReadAllLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6).Select(fields => Path.GetFileName(fields[5])).Distinct()];
        Assert.Contains("libSkiaSharp.so", mapped);
        Assert.DoesNotContain(mapped, name => name.StartsWith("libturbojpeg", StringComparison.Ordinal)
            || name.StartsWith("libjpeg", StringComparison.Ordinal) || name.StartsWith("libpng", StringComparison.Ordinal)
            || name.StartsWith("libwebp", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_jpeg_data_check_skia_decodes_a_garbage_scan_that_the_check_refuses()
    {
        var lenient = new ImageDecoder(new ImagingOptions { VerifyJpegData = false });
        MalformedPayload garbage = MalformedPayloads.Generate(1, seed: 3, TestData.FashionMnist(0),
            Samples.MalformedPayloadsTests.Limits, [MalformedPayloadKinds.GarbageBodyJpeg]).Single();

        GrayImage image = lenient.Decode(garbage.Bytes, garbage.ContentType);

        Assert.Equal((28, 28), (image.Width, image.Height));
        Assert.Equal(Core.Contracts.DeadLetterReasons.Corrupt,
            TestData.Rejects(() => new ImageDecoder(new ImagingOptions()).Decode(garbage.Bytes, garbage.ContentType)).Reason);
    }
}
