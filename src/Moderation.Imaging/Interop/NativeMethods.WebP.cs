using System.Runtime.InteropServices;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Interop;

/// <summary>libwebp 1.2 simple decode/encode API (<c>/usr/include/webp/{decode,encode,types}.h</c>, Debian package
/// libwebp7). All functions bound here are stateless and thread-safe.</summary>
internal static unsafe partial class NativeMethods
{
    internal const string WebPLibrary = "libwebp.so.7";

    /// <summary>WEBP_DECODER_ABI_VERSION in webp/decode.h 1.2.4, passed to the version-checked entry points.</summary>
    internal const int WebPDecoderAbiVersion = 0x0209;

    [LibraryImport(WebPLibrary)]
    internal static partial WebPStatus WebPGetFeaturesInternal(byte* data, nuint dataSize,
        WebPBitstreamFeatures* features, int version);

    [LibraryImport(WebPLibrary)]
    internal static partial byte* WebPDecodeRGBAInto(byte* data, nuint dataSize, byte* output, nuint outputSize,
        int outputStride);

    [LibraryImport(WebPLibrary)]
    internal static partial byte* WebPDecodeRGBInto(byte* data, nuint dataSize, byte* output, nuint outputSize,
        int outputStride);

    [LibraryImport(WebPLibrary)]
    internal static partial nuint WebPEncodeRGB(byte* rgb, int width, int height, int stride, float qualityFactor,
        out nint output);

    [LibraryImport(WebPLibrary)]
    internal static partial nuint WebPEncodeLosslessRGB(byte* rgb, int width, int height, int stride, out nint output);

    [LibraryImport(WebPLibrary)]
    internal static partial void WebPFree(nint memory);

    /// <summary>The one status check for libwebp: any status but <see cref="WebPStatus.Ok"/> becomes
    /// <see cref="ImageRejectedException"/>; <see cref="WebPStatus.UnsupportedFeature"/> (e.g. animation) maps to
    /// <see cref="DeadLetterReasons.UnsupportedType"/>, everything else to <see cref="DeadLetterReasons.Corrupt"/>.
    /// Functions that signal failure with NULL or 0 report <see cref="WebPStatus.BitstreamError"/> here.</summary>
    internal static void VerifyWebP(WebPStatus status, string function)
    {
        if (status == WebPStatus.Ok)
        {
            return;
        }

        string reason = status == WebPStatus.UnsupportedFeature ? DeadLetterReasons.UnsupportedType : DeadLetterReasons.Corrupt;
        throw new ImageRejectedException(reason, $"WebP rejected by libwebp {function}: {status}");
    }
}
