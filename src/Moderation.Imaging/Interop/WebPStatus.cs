namespace Moderation.Imaging.Interop;

/// <summary>libwebp's <c>VP8StatusCode</c> (webp/decode.h).</summary>
internal enum WebPStatus
{
    Ok = 0,
    OutOfMemory,
    InvalidParam,
    BitstreamError,
    UnsupportedFeature,
    Suspended,
    UserAbort,
    NotEnoughData,
}
