namespace Moderation.Imaging;

/// <summary>Maps magic bytes and MIME content types to <see cref="ImageFormat"/>.</summary>
public static class ImageFormatDetector
{
    /// <summary>Detects the format from the leading magic bytes (PNG spec 5.2; JPEG SOI marker, ITU-T T.81 B.1.1.3;
    /// RIFF/WebP container, RFC 9649 section 2.4).</summary>
    /// <param name="encoded">The encoded bytes; only the first 12 are read.</param>
    /// <returns>The format, or <see cref="ImageFormat.Unknown"/>.</returns>
    public static ImageFormat Detect(ReadOnlySpan<byte> encoded)
    {
        if (encoded.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (encoded.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (encoded.Length >= 12 && encoded.StartsWith("RIFF"u8) && encoded[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return ImageFormat.Unknown;
    }

    /// <summary>Parses a MIME content type such as <c>image/png</c> or <c>Image/JPEG; q=1</c> (case-insensitive,
    /// parameters ignored).</summary>
    /// <returns>The format, or <see cref="ImageFormat.Unknown"/> for anything but image/jpeg, image/png, image/webp.</returns>
    public static ImageFormat FromContentType(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ReadOnlySpan<char> mediaType = contentType.AsSpan();
        int semicolon = mediaType.IndexOf(';');
        mediaType = (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim();
        foreach (ImageFormat format in (ReadOnlySpan<ImageFormat>)[ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.WebP])
        {
            if (mediaType.Equals(ContentTypeOf(format), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        return ImageFormat.Unknown;
    }

    /// <summary>The MIME type of a format: <c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is <see cref="ImageFormat.Unknown"/>.</exception>
    public static string ContentTypeOf(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No content type for this format."),
    };
}
