namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtTypeInfo*</c>: input/output type description.</summary>
internal sealed class OrtTypeInfoHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseTypeInfo(handle);
        return true;
    }
}
