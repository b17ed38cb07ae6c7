using Moderation.Imaging;

namespace Moderation.Tools.Imaging.Samples;

/// <summary>The kinds of payload <see cref="MalformedPayloads"/> generates, with the dead-letter reason each must get.</summary>
public static class MalformedPayloadKinds
{
    /// <summary>A valid PNG cut short inside its signature-to-last-IDAT range (at least the 8 signature bytes kept): <c>corrupt</c>.</summary>
    public const string TruncatedPng = "truncated-png";

    /// <summary>A valid JPEG cut short before its EOI marker (at least the SOI marker kept): <c>corrupt</c>.</summary>
    public const string TruncatedJpeg = "truncated-jpeg";

    /// <summary>A valid WebP cut short (at least the 12-byte RIFF/WEBP header kept): <c>corrupt</c>.</summary>
    public const string TruncatedWebP = "truncated-webp";

    /// <summary>A valid PNG with 1–4 bits flipped inside IDAT data (the chunk CRC then fails): <c>corrupt</c>.</summary>
    public const string BitFlippedPng = "bit-flipped-png";

    /// <summary>A valid JPEG with 1–4 bits flipped in the entropy-coded scan data: <c>corrupt</c>.</summary>
    public const string BitFlippedJpeg = "bit-flipped-jpeg";

    /// <summary>A valid WebP (lossy or lossless) with 1–4 bits flipped after the frame header: <c>corrupt</c>.</summary>
    public const string BitFlippedWebP = "bit-flipped-webp";

    /// <summary>PNG signature and a valid 28×28 IHDR, then an IDAT chunk (with a correct CRC) of random bytes: <c>corrupt</c>.</summary>
    public const string GarbageBodyPng = "garbage-body-png";

    /// <summary>A valid JPEG's markers up to and including SOS, then random scan bytes and EOI: <c>corrupt</c>.</summary>
    public const string GarbageBodyJpeg = "garbage-body-jpeg";

    /// <summary>RIFF/WEBP container and a valid 28×28 VP8L header, then random bytes: <c>corrupt</c>.</summary>
    public const string GarbageBodyWebP = "garbage-body-webp";

    /// <summary>A PNG that is only a signature and an IHDR declaring 20000–40000 pixels a side: <c>too-many-pixels</c>.</summary>
    public const string PngHeaderBomb = "bomb-png-header";

    /// <summary>A complete, valid 16384×16384 8-bit gray PNG of zeros: 268 MB of pixels deflated to about 260 KB:
    /// <c>too-many-pixels</c>.</summary>
    public const string PngDeflateBomb = "bomb-png-deflate";

    /// <summary>A valid 28×28 JPEG whose SOF header is patched to declare 40000–65500 pixels a side: <c>too-many-pixels</c>.</summary>
    public const string JpegHeaderBomb = "bomb-jpeg-header";

    /// <summary>A WebP whose VP8L header declares 16384×16384 (the format's largest), then a few random bytes:
    /// <c>too-many-pixels</c>.</summary>
    public const string WebPHeaderBomb = "bomb-webp-header";

    /// <summary>A valid PNG/JPEG/WebP posted with a content type that is not image/png, image/jpeg or image/webp
    /// (text/plain, image/gif, …): <c>unsupported-type</c>.</summary>
    public const string WrongContentType = "wrong-content-type";

    /// <summary>A valid GIF89a of the image, posted as image/gif or without a content type: <c>unsupported-type</c>.</summary>
    public const string Gif = "gif";

    /// <summary>UTF-8 text, posted as text/plain or without a content type: <c>unsupported-type</c>.</summary>
    public const string PlainText = "plain-text";

    /// <summary>Zero bytes, with or without a content type: <c>empty</c>.</summary>
    public const string Empty = "empty";

    /// <summary>A valid PNG padded with a private ancillary chunk to 1–4096 bytes over
    /// <see cref="ImagingOptions.MaxEncodedBytes"/>: <c>too-large</c>.</summary>
    public const string OverSize = "over-size";

    /// <summary>Every kind, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TruncatedPng, TruncatedJpeg, TruncatedWebP, BitFlippedPng, BitFlippedJpeg, BitFlippedWebP,
        GarbageBodyPng, GarbageBodyJpeg, GarbageBodyWebP, PngHeaderBomb, PngDeflateBomb, JpegHeaderBomb, WebPHeaderBomb,
        WrongContentType, Gif, PlainText, Empty, OverSize,
    ];
}
