namespace Moderation.Onnx.Runtime.Interop;

/// <summary>Owns an <c>OrtMemoryInfo*</c>: memory description.</summary>
internal sealed class OrtMemoryInfoHandle(nint pointer) : OrtHandle(pointer)
{
    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        NativeMethods.ReleaseMemoryInfo(handle);
        return true;
    }
}
