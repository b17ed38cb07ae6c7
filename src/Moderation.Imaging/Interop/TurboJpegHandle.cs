using System.Runtime.InteropServices;

namespace Moderation.Imaging.Interop;

/// <summary>Owns a TurboJPEG <c>tjhandle</c> (one per thread at a time: TurboJPEG instances are not thread-safe);
/// released with <c>tjDestroy</c>.</summary>
internal sealed class TurboJpegHandle : SafeHandle
{
    /// <summary>Used by the interop marshaller.</summary>
    public TurboJpegHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => NativeMethods.tjDestroy(handle) == 0;
}
