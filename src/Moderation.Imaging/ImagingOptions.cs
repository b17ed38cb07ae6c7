using System.ComponentModel.DataAnnotations;

namespace Moderation.Imaging;

/// <summary>Limits and output size of image pre-processing; bind from the <see cref="SectionName"/> configuration
/// section. Limits are enforced on the encoded length and on the dimensions a header declares, before any pixel buffer
/// is allocated (decompression-bomb guard).</summary>
public sealed class ImagingOptions
{
    /// <summary>Configuration section name: <c>Imaging</c>.</summary>
    public const string SectionName = "Imaging";

    /// <summary>Largest accepted encoded image, in bytes. Default 10 MiB (10,485,760).</summary>
    [Range(1, int.MaxValue)]
    public int MaxEncodedBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most pixels (width·height) a header may declare. Default 16,777,216 (4096²), i.e. a 16 MiB gray
    /// buffer and at most 64 MiB while an RGBA file is decoded. At most 268,435,456 (16384²).</summary>
    [Range(1L, 268_435_456L)]
    public long MaxPixels { get; set; } = 4096L * 4096L;

    /// <summary>Longest side, in pixels, a header may declare. Default 16384.</summary>
    [Range(1, 1_000_000)]
    public int MaxSide { get; set; } = 16384;

    /// <summary>Whether a JPEG that decoded is read once more by <c>JpegDataCheck</c> (LibJpeg.NET) and refused as
    /// <c>corrupt</c> when libjpeg warns that its entropy-coded data is damaged (a bad Huffman code, a premature marker,
    /// a lost restart marker, an early end of file; extraneous bytes between segments are tolerated). Skia's decoder
    /// conceals such damage and reports success. Default true. Costs about 60 µs per 28×28 JPEG and about 10 ms per
    /// 1024×768 JPEG on one core (tests/Moderation.Imaging.Benchmarks/results).</summary>
    public bool VerifyJpegData { get; set; } = true;

    /// <summary>Side of the square model input in pixels. Default 28 (the shipped discriminator's
    /// <c>[N,1,28,28]</c> input).</summary>
    [Range(1, 1024)]
    public int Size { get; set; } = 28;

    /// <summary>Checks the DataAnnotations above.</summary>
    /// <exception cref="ValidationException">A property is out of range.</exception>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
