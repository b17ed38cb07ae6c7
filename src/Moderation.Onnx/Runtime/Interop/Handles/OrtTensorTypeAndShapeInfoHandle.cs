namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtTensorTypeAndShapeInfo*</c>: tensor element type and shape.</summary>
internal sealed class OrtTensorTypeAndShapeInfoHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseTensorTypeAndShapeInfo(handle);
        return true;
    }
}
