using System.Runtime.InteropServices;

namespace Moderation.Imaging.Interop;

/// <summary>Owns a zeroed <c>png_image</c> in native memory (so libpng never sees a movable managed address) and the
/// <c>png_control</c> libpng hangs off it; released with <c>png_image_free</c>, then the struct memory is freed.</summary>
internal sealed unsafe class PngImageHandle : SafeHandle
{
    /// <summary>PNG_IMAGE_VERSION in png.h 1.6.39.</summary>
    internal const uint PngImageVersion = 1;

    private PngImageHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>The struct; valid while this handle is open (callers hold it in a <c>using</c>).</summary>
    internal ref PngImage Image => ref *(PngImage*)handle;

    /// <summary>Allocates a zeroed struct with <c>version</c> set, as png.h requires before any simplified call.</summary>
    internal static PngImageHandle Create()
    {
        var result = new PngImageHandle();
        var image = (PngImage*)NativeMemory.AllocZeroed((nuint)sizeof(PngImage));
        image->Version = PngImageVersion;
        result.SetHandle((nint)image);
        return result;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.png_image_free(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
