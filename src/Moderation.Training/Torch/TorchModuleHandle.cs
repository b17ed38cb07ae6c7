using Microsoft.Win32.SafeHandles;

namespace Moderation.Training.Torch;

/// <summary>Owns one native <c>mt_module</c> (a libtorch <c>Sequential</c>); frees it with <c>mt_module_free</c>.</summary>
internal sealed class TorchModuleHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller.</summary>
    public TorchModuleHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        NativeMethods.ModuleFree(handle);
        return true;
    }
}
