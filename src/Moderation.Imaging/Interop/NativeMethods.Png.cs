using System.Runtime.InteropServices;
using System.Text;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Interop;

/// <summary>libpng 1.6 simplified API (<c>/usr/include/png.h</c>, Debian package libpng16-16). libpng reports errors
/// through longjmp; the simplified API catches them inside libpng (png_safe_execute), so no setjmp is needed here.</summary>
internal static unsafe partial class NativeMethods
{
    internal const string PngLibrary = "libpng16.so.16";

    internal const uint PNG_FORMAT_FLAG_ALPHA = 0x01;
    internal const uint PNG_FORMAT_FLAG_COLOR = 0x02;
    internal const uint PNG_FORMAT_GRAY = 0;
    /// <summary>On read: treat 16-bit samples without gAMA/sRGB as sRGB-encoded rather than linear.</summary>
    internal const uint PNG_IMAGE_FLAG_16BIT_sRGB = 0x04;

    [LibraryImport(PngLibrary)]
    internal static partial int png_image_begin_read_from_memory(PngImageHandle image, byte* memory, nuint size);

    [LibraryImport(PngLibrary)]
    internal static partial int png_image_finish_read(PngImageHandle image, void* background, byte* buffer,
        int rowStride, void* colormap);

    [LibraryImport(PngLibrary)]
    internal static partial void png_image_free(nint image);

    [LibraryImport(PngLibrary)]
    internal static partial int png_image_write_to_memory(PngImageHandle image, byte* memory, ref nuint memoryBytes,
        int convertTo8Bit, byte* buffer, int rowStride, void* colormap);

    /// <summary>The one status check for libpng: a zero return (the simplified API's failure) becomes
    /// <see cref="ImageRejectedException"/> with reason <see cref="DeadLetterReasons.Corrupt"/> and libpng's message.</summary>
    internal static void VerifyPng(int status, PngImageHandle image, string function)
    {
        if (status != 0)
        {
            return;
        }

        string detail;
        fixed (byte* message = image.Image.Message)
        {
            var text = new ReadOnlySpan<byte>(message, 64);
            int end = text.IndexOf((byte)0);
            detail = end > 0 ? Encoding.UTF8.GetString(text[..end]) : "unknown error";
        }

        throw new ImageRejectedException(DeadLetterReasons.Corrupt, $"PNG rejected by libpng {function}: {detail}");
    }
}
