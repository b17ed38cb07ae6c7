using System.Runtime.InteropServices;

namespace Moderation.Imaging.Interop;

/// <summary>libpng's simplified-API <c>png_image</c> (png.h 1.6.39, PNG_IMAGE_VERSION 1). On x86-64: 104 bytes,
/// <c>opaque</c> at 0, <c>version</c> at 8, …, <c>warning_or_error</c> at 32, <c>message</c> at 36 (checked by a test
/// against the offsets gcc reports for the installed header).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PngImage
{
    /// <summary>png_controlp; NULL before begin_read, freed by png_image_free.</summary>
    public nint Opaque;
    public uint Version;
    public uint Width;
    public uint Height;
    public uint Format;
    public uint Flags;
    public uint ColormapEntries;
    /// <summary>Low two bits: 0 none, 1 warning, 2 error, 3 error after a warning (PNG_IMAGE_FAILED is &gt; 1).</summary>
    public uint WarningOrError;
    /// <summary>NUL-terminated libpng message for the last warning or error.</summary>
    public fixed byte Message[64];
}
