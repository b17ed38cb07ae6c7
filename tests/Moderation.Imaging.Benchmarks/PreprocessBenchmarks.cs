using BenchmarkDotNet.Attributes;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Benchmarks;

/// <summary>The service's per-image cost: <see cref="ImagePreprocessor.Preprocess"/> (decode to gray with SkiaSharp, a
/// large JPEG at 1/8 scale; box-filter to 28×28; scale to [−1,1]) into a reused <c>float32 [1,28,28]</c> buffer.</summary>
[MemoryDiagnoser]
public class PreprocessBenchmarks
{
    private readonly float[] tensor = new float[28 * 28];
    private IImagePreprocessor preprocessor = null!;
    private EncodedSet small = null!, large = null!;

    /// <summary><see cref="ImagingOptions.VerifyJpegData"/>: with and without the LibJpeg.NET re-check of JPEG data.</summary>
    [Params(true, false)]
    public bool VerifyJpegData { get; set; }

    /// <summary>Encodes the sample images once: PNG, JPEG quality 90, lossy WebP quality 90.</summary>
    [GlobalSetup]
    public void Setup()
    {
        preprocessor = new ImagePreprocessor(new ImagingOptions { VerifyJpegData = VerifyJpegData });
        small = new EncodedSet(SampleImages.Gray28x28(), 28, 28);
        large = new EncodedSet(SampleImages.Gray1024x768(), 1024, 768);
    }

    /// <summary>28×28 gray PNG (a Fashion-MNIST post as the demo producer sends it).</summary>
    [Benchmark]
    public void Png_28x28() => preprocessor.Preprocess(small.Png, "image/png", tensor);

    /// <summary>28×28 gray JPEG, quality 90.</summary>
    [Benchmark]
    public void Jpeg_28x28() => preprocessor.Preprocess(small.Jpeg, "image/jpeg", tensor);

    /// <summary>28×28 lossy WebP, quality 90 (decoded as RGB, then BT.601 luma).</summary>
    [Benchmark]
    public void WebP_28x28() => preprocessor.Preprocess(small.WebP, "image/webp", tensor);

    /// <summary>1024×768 gray JPEG, quality 90: a typical photo-sized post.</summary>
    [Benchmark]
    public void Jpeg_1024x768() => preprocessor.Preprocess(large.Jpeg, "image/jpeg", tensor);

    /// <summary>1024×768 gray PNG.</summary>
    [Benchmark]
    public void Png_1024x768() => preprocessor.Preprocess(large.Png, "image/png", tensor);

    /// <summary>1024×768 lossy WebP, quality 90.</summary>
    [Benchmark]
    public void WebP_1024x768() => preprocessor.Preprocess(large.WebP, "image/webp", tensor);
}
