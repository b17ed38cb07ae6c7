using BenchmarkDotNet.Attributes;

namespace Moderation.Imaging.Benchmarks;

/// <summary>Decoding alone (<see cref="ImageDecoder.Decode"/>: SkiaSharp decode to gray at full size plus one managed
/// copy into a <see cref="GrayImage"/>), to split <see cref="PreprocessBenchmarks"/> into decode and resize.</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private ImageDecoder decoder = null!;
    private EncodedSet small = null!, large = null!;

    /// <summary><see cref="ImagingOptions.VerifyJpegData"/>: with and without the LibJpeg.NET re-check of JPEG data.</summary>
    [Params(true, false)]
    public bool VerifyJpegData { get; set; }

    /// <summary>Encodes the sample images once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        decoder = new ImageDecoder(new ImagingOptions { VerifyJpegData = VerifyJpegData });
        small = new EncodedSet(SampleImages.Gray28x28(), 28, 28);
        large = new EncodedSet(SampleImages.Gray1024x768(), 1024, 768);
    }

    /// <summary>28×28 gray PNG (a Fashion-MNIST post as the demo producer sends it).</summary>
    [Benchmark]
    public GrayImage Png_28x28() => decoder.Decode(small.Png, "image/png");

    /// <summary>1024×768 gray JPEG, quality 90.</summary>
    [Benchmark]
    public GrayImage Jpeg_1024x768() => decoder.Decode(large.Jpeg, "image/jpeg");

    /// <summary>1024×768 gray PNG.</summary>
    [Benchmark]
    public GrayImage Png_1024x768() => decoder.Decode(large.Png, "image/png");

    /// <summary>1024×768 lossy WebP, quality 90.</summary>
    [Benchmark]
    public GrayImage WebP_1024x768() => decoder.Decode(large.WebP, "image/webp");
}
