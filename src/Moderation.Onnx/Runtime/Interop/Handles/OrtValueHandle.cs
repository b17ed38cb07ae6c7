namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtValue*</c>: tensor value.</summary>
internal sealed class OrtValueHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseValue(handle);
        return true;
    }
}
