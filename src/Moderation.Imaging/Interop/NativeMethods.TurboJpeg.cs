using System.Runtime.InteropServices;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Interop;

/// <summary>TurboJPEG 2.1 API of libjpeg-turbo (<c>/usr/include/turbojpeg.h</c>, Debian package libturbojpeg0).</summary>
/// <remarks><c>unsigned long</c> is bound as <see cref="nuint"/>: 64-bit on Linux (LP64), the only platform shipped.</remarks>
internal static unsafe partial class NativeMethods
{
    internal const string TurboJpegLibrary = "libturbojpeg.so.0";

    internal const int TJPF_GRAY = 6;
    internal const int TJSAMP_GRAY = 3;
    internal const int TJCS_CMYK = 3;
    internal const int TJCS_YCCK = 4;
    internal const int TJFLAG_NOREALLOC = 1024;
    internal const int TJFLAG_STOPONWARNING = 8192;
    internal const int TJFLAG_LIMITSCANS = 32768;

    [LibraryImport(TurboJpegLibrary)]
    internal static partial TurboJpegHandle tjInitDecompress();

    [LibraryImport(TurboJpegLibrary)]
    internal static partial TurboJpegHandle tjInitCompress();

    [LibraryImport(TurboJpegLibrary)]
    internal static partial int tjDestroy(nint handle);

    [LibraryImport(TurboJpegLibrary)]
    internal static partial int tjDecompressHeader3(TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(TurboJpegLibrary)]
    internal static partial int tjDecompress2(TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf,
        int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(TurboJpegLibrary)]
    internal static partial int tjCompress2(TurboJpegHandle handle, byte* srcBuf, int width, int pitch, int height,
        int pixelFormat, ref nint jpegBuf, ref nuint jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [LibraryImport(TurboJpegLibrary)]
    internal static partial void tjFree(nint buffer);

    // Returns a pointer to a string owned by the instance (or a static one for null): never free it,
    // hence nint and not a marshalled string (the string marshaller would free the native memory).
    [LibraryImport(TurboJpegLibrary)]
    internal static partial nint tjGetErrorStr2(TurboJpegHandle handle);

    /// <summary>The one status check for TurboJPEG: <c>-1</c> (error, or a warning under TJFLAG_STOPONWARNING)
    /// becomes <see cref="ImageRejectedException"/> with reason <see cref="DeadLetterReasons.Corrupt"/>.</summary>
    internal static void VerifyTurboJpeg(int status, TurboJpegHandle handle, string function)
    {
        if (status == 0)
        {
            return;
        }

        string detail = Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "unknown error";
        throw new ImageRejectedException(DeadLetterReasons.Corrupt, $"JPEG rejected by libturbojpeg {function}: {detail}");
    }

    /// <summary>Creates a TurboJPEG instance.</summary>
    /// <exception cref="InvalidOperationException">libturbojpeg could not allocate an instance (not the input's fault,
    /// so not an <see cref="ImageRejectedException"/>).</exception>
    internal static TurboJpegHandle CreateTurboJpeg(bool compress)
    {
        TurboJpegHandle handle = compress ? tjInitCompress() : tjInitDecompress();
        if (handle.IsInvalid)
        {
            string detail = Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "unknown error";
            handle.Dispose();
            throw new InvalidOperationException($"libturbojpeg could not create an instance: {detail}");
        }

        return handle;
    }
}
