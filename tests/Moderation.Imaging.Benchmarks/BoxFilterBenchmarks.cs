using BenchmarkDotNet.Attributes;
using Moderation.Imaging.Resampling;

namespace Moderation.Imaging.Benchmarks;

/// <summary>The area-resampling kernel alone (<see cref="BoxFilter.Resize"/>) from decoded gray pixels to the
/// <c>float32 [28,28]</c> model input.</summary>
[MemoryDiagnoser]
public class BoxFilterBenchmarks
{
    private readonly float[] output = new float[28 * 28];
    private byte[] pixels = null!;

    /// <summary>Source sizes: 28×28 (identity taps), 56×56 (exact 2×2 means), 1024×768 (a photo-sized post).</summary>
    public static IEnumerable<ImageSize> Sources => [new(28, 28), new(56, 56), new(1024, 768)];

    /// <summary>The source size of this run.</summary>
    [ParamsSource(nameof(Sources))]
    public ImageSize Source { get; set; }

    /// <summary>Builds the source: the top-left corner of the 1024×768 Fashion-MNIST mosaic.</summary>
    [GlobalSetup]
    public void Setup()
    {
        byte[] mosaic = SampleImages.Gray1024x768();
        pixels = new byte[Source.Width * Source.Height];
        for (int y = 0; y < Source.Height; y++)
        {
            mosaic.AsSpan(y * 1024, Source.Width).CopyTo(pixels.AsSpan(y * Source.Width));
        }
    }

    /// <summary>Resize to 28×28.</summary>
    [Benchmark]
    public void Resize_to_28x28() => BoxFilter.Resize(pixels, Source.Width, Source.Height, output, 28, 28);
}
