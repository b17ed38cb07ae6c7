namespace Moderation.Imaging.Benchmarks;

/// <summary>Which decoder a benchmark runs (side-by-side run before the P/Invoke bindings were deleted).</summary>
public enum Decoders
{
    /// <summary>The old P/Invoke bindings to Debian's libturbojpeg 2.1, libpng 1.6 and libwebp 1.2.</summary>
    NativeBindings,

    /// <summary>SkiaSharp 4.156.1 (SKCodec), plus the LibJpeg.NET re-check of JPEG data (the default).</summary>
    SkiaSharp,

    /// <summary>SkiaSharp 4.156.1 alone: <see cref="ImagingOptions.VerifyJpegData"/> off.</summary>
    SkiaSharpWithoutJpegCheck,
}
