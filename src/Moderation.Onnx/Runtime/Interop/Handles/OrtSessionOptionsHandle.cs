namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtSessionOptions*</c>: session options.</summary>
internal sealed class OrtSessionOptionsHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseSessionOptions(handle);
        return true;
    }
}
