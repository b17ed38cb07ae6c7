using System.Runtime.InteropServices;

namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Base of the SafeHandles over ONNX Runtime objects: a non-null pointer released once by the matching
/// <c>ReleaseXxx</c> of the C API.</summary>
internal abstract class OrtHandle : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="pointer"/>.</summary>
    protected OrtHandle(nint pointer) : base(0, ownsHandle: true) => SetHandle(pointer);

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;
}
