using System.Runtime.InteropServices;

namespace Moderation.Imaging.Interop;

/// <summary>Owns a buffer that libturbojpeg allocated (the output of <c>tjCompress2</c>); released with <c>tjFree</c>.</summary>
internal sealed class TurboJpegBufferHandle : SafeHandle
{
    public TurboJpegBufferHandle(nint buffer)
        : base(nint.Zero, ownsHandle: true) => SetHandle(buffer);

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.tjFree(handle);
        return true;
    }
}
