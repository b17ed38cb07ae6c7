using BenchmarkDotNet.Attributes;

namespace Moderation.Imaging.Benchmarks;

/// <summary>Decoding alone (<see cref="ImageDecoder.Decode"/>: native decode to gray plus one managed copy into a
/// <see cref="GrayImage"/>), to split <see cref="PreprocessBenchmarks"/> into decode and resize.</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private readonly ImageDecoder decoder = new(new ImagingOptions());
    private EncodedSet large = null!;

    /// <summary>Encodes the 1024×768 mosaic once.</summary>
    [GlobalSetup]
    public void Setup() => large = new EncodedSet(SampleImages.Gray1024x768(), 1024, 768);

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
