using System.Runtime.InteropServices;

namespace Moderation.Imaging.Interop;

/// <summary>Owns memory that libwebp allocated (the output of the <c>WebPEncode*</c> functions); released with
/// <c>WebPFree</c>.</summary>
internal sealed class WebPMemoryHandle : SafeHandle
{
    public WebPMemoryHandle(nint memory)
        : base(nint.Zero, ownsHandle: true) => SetHandle(memory);

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.WebPFree(handle);
        return true;
    }
}
