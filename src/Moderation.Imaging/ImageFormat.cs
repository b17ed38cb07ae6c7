namespace Moderation.Imaging;

/// <summary>Encoded image formats the pre-processor decodes.</summary>
public enum ImageFormat
{
    /// <summary>Not JPEG, PNG or WebP.</summary>
    Unknown = 0,

    /// <summary>JPEG (JFIF/Exif), <c>image/jpeg</c>; magic <c>FF D8 FF</c>.</summary>
    Jpeg,

    /// <summary>PNG, <c>image/png</c>; magic <c>89 50 4E 47 0D 0A 1A 0A</c>.</summary>
    Png,

    /// <summary>WebP, <c>image/webp</c>; magic <c>RIFF????WEBP</c>.</summary>
    WebP,
}
