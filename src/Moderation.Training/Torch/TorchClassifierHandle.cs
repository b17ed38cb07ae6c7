using Microsoft.Win32.SafeHandles;

namespace Moderation.Training.Torch;

/// <summary>Owns one native <c>mt_classifier</c> (a network reference and its Adam optimiser); frees it with
/// <c>mt_classifier_free</c>.</summary>
internal sealed class TorchClassifierHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller.</summary>
    public TorchClassifierHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        NativeMethods.ClassifierFree(handle);
        return true;
    }
}
