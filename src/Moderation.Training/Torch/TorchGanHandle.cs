using Microsoft.Win32.SafeHandles;

namespace Moderation.Training.Torch;

/// <summary>Owns one native <c>mt_gan</c> (two networks and their Adam optimisers); frees it with <c>mt_gan_free</c>.</summary>
internal sealed class TorchGanHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller.</summary>
    public TorchGanHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        NativeMethods.GanFree(handle);
        return true;
    }
}
